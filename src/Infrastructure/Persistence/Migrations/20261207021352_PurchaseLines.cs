using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reservations.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PurchaseLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_purchases",
                table: "purchases");

            migrationBuilder.AddColumn<short>(
                name: "line",
                table: "purchases",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddPrimaryKey(
                name: "pk_purchases",
                table: "purchases",
                columns: new[] { "id", "line" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_purchases_line_not_negative",
                table: "purchases",
                sql: "line >= 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_purchases",
                table: "purchases");

            migrationBuilder.DropCheckConstraint(
                name: "ck_purchases_line_not_negative",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "line",
                table: "purchases");

            migrationBuilder.AddPrimaryKey(
                name: "pk_purchases",
                table: "purchases",
                column: "id");
        }
    }
}
