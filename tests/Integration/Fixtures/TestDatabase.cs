using Npgsql;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>A database of its own for one test class, so classes run in parallel without sharing rows.</summary>
public static class TestDatabase
{
    /// <summary>Creates an empty database on the server and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string serverConnectionString)
    {
        var database = $"rsv_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync(serverConnectionString, $"CREATE DATABASE \"{database}\"");
        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteOnServerAsync(connectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string connectionString, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
