using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reservations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WebhookPruningIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_webhook_events_fanned_out_created_at",
                table: "webhook_events",
                column: "created_at",
                filter: "fanned_out_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_settled_created_at",
                table: "webhook_deliveries",
                column: "created_at",
                filter: "status <> 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_webhook_events_fanned_out_created_at",
                table: "webhook_events");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_settled_created_at",
                table: "webhook_deliveries");
        }
    }
}
