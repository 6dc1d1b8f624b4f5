using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reservations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TwoStepStockAdjustments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "expected_total_stock",
                table: "stock_adjustments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "stock_adjustments",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "stock_adjustments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Adjustments made before there were two steps changed both stores in their request.
                defaultValue: "Applied");

            migrationBuilder.CreateIndex(
                name: "ix_stock_adjustments_pending_at",
                table: "stock_adjustments",
                column: "at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ux_stock_adjustments_product_idempotency_key",
                table: "stock_adjustments",
                columns: new[] { "product_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_stock_adjustments_status",
                table: "stock_adjustments",
                sql: "status IN ('Pending', 'Applied', 'Reverted')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stock_adjustments_pending_at",
                table: "stock_adjustments");

            migrationBuilder.DropIndex(
                name: "ux_stock_adjustments_product_idempotency_key",
                table: "stock_adjustments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_stock_adjustments_status",
                table: "stock_adjustments");

            migrationBuilder.DropColumn(
                name: "expected_total_stock",
                table: "stock_adjustments");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "stock_adjustments");

            migrationBuilder.DropColumn(
                name: "status",
                table: "stock_adjustments");
        }
    }
}
