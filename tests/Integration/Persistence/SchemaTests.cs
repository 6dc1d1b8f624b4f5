using Npgsql;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Persistence;

/// <summary>The source of truth refuses an oversell even if every layer above it were broken.</summary>
public sealed class SchemaTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Theory]
    [InlineData("sold = total_stock + 1", "ck_products_sold_within_stock")]
    [InlineData("sold = -1", "ck_products_sold_not_negative")]
    [InlineData("total_stock = -1, sold = -1", "ck_products_sold_not_negative")]
    [InlineData("max_hold_seconds = 599", "ck_products_max_hold_seconds")]
    [InlineData("max_hold_seconds = 86401", "ck_products_max_hold_seconds")]
    [InlineData("sales_open_at = now(), sales_close_at = now() - interval '1 second'", "ck_products_sales_window")]
    public async Task Products_WhenAnUpdateBreaksTheLedgerOrItsTerms_IsRefusedByACheckConstraint(string assignment, string constraint)
    {
        await using var connection = new NpgsqlConnection(api.PostgresConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var id = Guid.NewGuid();
        await ExecuteAsync(connection,
            $"INSERT INTO products (id, sku, name, price, total_stock, sold, hold_seconds, max_hold_seconds, created_at, updated_at) " +
            $"VALUES ('{id}', '{ProductRequests.NewSku()}', 'n', 1, 10, 0, 600, 1800, now(), now())");

        var update = () => ExecuteAsync(connection, $"UPDATE products SET {assignment} WHERE id = '{id}'");

        (await update.Should().ThrowAsync<PostgresException>()).Which.ConstraintName.Should().Be(constraint);
    }

    [Fact]
    public async Task Purchases_HasAnIndexForListingOneCustomersOrdersNewestFirst()
    {
        await using var connection = new NpgsqlConnection(api.PostgresConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'purchases' AND indexname = 'ix_purchases_customer_purchased_at'", connection);

        var definition = (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);

        definition.Should().Contain("(customer_id, purchased_at DESC)");
    }

    [Theory]
    [InlineData(-1, "ck_purchases_line_not_negative")]
    [InlineData(0, "pk_purchases")]
    public async Task Purchases_WhenALineIsNegativeOrRepeated_IsRefused(int line, string constraint)
    {
        await using var connection = new NpgsqlConnection(api.PostgresConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var (product, order) = (Guid.NewGuid(), Guid.NewGuid());
        await ExecuteAsync(connection,
            $"INSERT INTO products (id, sku, name, price, total_stock, sold, hold_seconds, max_hold_seconds, created_at, updated_at) " +
            $"VALUES ('{product}', '{ProductRequests.NewSku()}', 'n', 1, 10, 0, 600, 1800, now(), now())");
        var insert = (int l) => ExecuteAsync(connection,
            $"INSERT INTO purchases (id, line, product_id, customer_id, quantity, unit_price, purchased_at) VALUES ('{order}', {l}, '{product}', 'c', 1, 1, now())");
        await insert(0);
        await insert(1);

        (await insert.Invoking(i => i(line)).Should().ThrowAsync<PostgresException>()).Which.ConstraintName.Should().Be(constraint);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
