using Npgsql;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Plain SQL against a test class's database: to look behind the API, or to break things on purpose.</summary>
public static class TestSql
{
    public static async Task ExecuteAsync(this ReservationsApiFactory api, string sql)
    {
        await using var connection = await OpenAsync(api);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<T> ScalarAsync<T>(this ReservationsApiFactory api, string sql)
    {
        await using var connection = await OpenAsync(api);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public static Task<long> PurchaseCountAsync(this ReservationsApiFactory api, Guid productId, bool distinct = false) =>
        api.ScalarAsync<long>($"SELECT count({(distinct ? "DISTINCT id" : "*")}) FROM purchases WHERE product_id = '{productId}'");

    public static async Task<HashSet<Guid>> PurchaseIdsAsync(this ReservationsApiFactory api, Guid productId)
    {
        await using var connection = await OpenAsync(api);
        await using var command = new NpgsqlCommand("SELECT id FROM purchases WHERE product_id = @product", connection);
        command.Parameters.AddWithValue("product", productId);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    // Unpooled: a test that terminates backends must not find its own pooled connection dead on the next call.
    private static async Task<NpgsqlConnection> OpenAsync(ReservationsApiFactory api)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(api.PostgresConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
