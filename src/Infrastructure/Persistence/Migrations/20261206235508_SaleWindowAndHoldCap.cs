using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reservations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SaleWindowAndHoldCap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "max_hold_seconds",
                table: "products",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "paused",
                table: "products",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sales_close_at",
                table: "products",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sales_open_at",
                table: "products",
                type: "timestamp with time zone",
                nullable: true);

            // Products made before the cap get the default a new product gets: three holds, at most a day.
            migrationBuilder.Sql("UPDATE products SET max_hold_seconds = LEAST(3 * hold_seconds, 86400)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_products_max_hold_seconds",
                table: "products",
                sql: "max_hold_seconds >= hold_seconds AND max_hold_seconds <= 86400");

            migrationBuilder.AddCheckConstraint(
                name: "ck_products_sales_window",
                table: "products",
                sql: "sales_close_at IS NULL OR sales_open_at IS NULL OR sales_close_at > sales_open_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_products_max_hold_seconds",
                table: "products");

            migrationBuilder.DropCheckConstraint(
                name: "ck_products_sales_window",
                table: "products");

            migrationBuilder.DropColumn(
                name: "max_hold_seconds",
                table: "products");

            migrationBuilder.DropColumn(
                name: "paused",
                table: "products");

            migrationBuilder.DropColumn(
                name: "sales_close_at",
                table: "products");

            migrationBuilder.DropColumn(
                name: "sales_open_at",
                table: "products");
        }
    }
}
