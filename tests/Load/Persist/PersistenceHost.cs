using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Reservations.Application;
using Reservations.Infrastructure;
using Reservations.Infrastructure.Persistence;

namespace Reservations.Load.Persist;

/// <summary>
/// The application's use cases on a database and a Redis key prefix of their own, migrated and empty. Disposing it
/// drops the database and removes the keys.
/// </summary>
internal sealed class PersistenceHost(IHost host, GateHost gate, string adminConnection, string database) : IAsyncDisposable
{
    public string PostgresConnectionString { get; } =
        new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString;

    public string KeyPrefix => gate.KeyPrefix;

    public ISender Sender => host.Services.GetRequiredService<ISender>();

    public GateClient Gate => gate.Gate;

    public static async Task<PersistenceHost> StartAsync(string postgres, string redis)
    {
        var database = $"persist_bench_{Environment.ProcessId}";
        await ExecuteAsync(postgres, $"CREATE DATABASE {database}");
        var builder = Host.CreateApplicationBuilder();
        var keyPrefix = $"p{Environment.ProcessId:x}";
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString,
            ["Redis:KeyPrefix"] = keyPrefix,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure();
        var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services);
        return new PersistenceHost(host, await GateHost.StartAsync(redis, keyPrefix), postgres, database);
    }

    public async Task<long> PurchaseCountAsync(Guid productId)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(DISTINCT id) FROM purchases WHERE product_id = @product", connection);
        command.Parameters.AddWithValue("product", productId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await gate.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(adminConnection, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
