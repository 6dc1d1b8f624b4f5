using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reservations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WebhookEndpointGeneration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The generation of the webhook endpoints: every statement that changes them raises it, in its own transaction,
            // so a reading of the endpoints carries the generation it saw and the gate's switch keeps the newest reading
            // (docs/decisions/010). Microseconds of the clock when that is higher, so it still grows after a restore.
            migrationBuilder.Sql("""
                CREATE TABLE webhook_endpoint_generation (
                    id integer PRIMARY KEY CHECK (id = 1),
                    generation bigint NOT NULL);
                INSERT INTO webhook_endpoint_generation VALUES (1, 0);
                CREATE FUNCTION webhook_endpoints_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO webhook_endpoint_generation AS g VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
                    ON CONFLICT (id) DO UPDATE
                        SET generation = greatest(g.generation + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER tr_webhook_endpoints_generation AFTER INSERT OR UPDATE OR DELETE ON webhook_endpoints
                    FOR EACH STATEMENT EXECUTE FUNCTION webhook_endpoints_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER tr_webhook_endpoints_generation ON webhook_endpoints;
                DROP FUNCTION webhook_endpoints_changed();
                DROP TABLE webhook_endpoint_generation;
                """);
        }
    }
}
