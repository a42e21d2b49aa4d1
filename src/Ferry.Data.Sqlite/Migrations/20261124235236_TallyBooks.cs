using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ferry.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TallyBooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "parent_name",
                table: "warehouses",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "warehouse_name",
                table: "voucher_inventory_lines",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "additional_unit_symbol",
                table: "units",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "base_unit_symbol",
                table: "units",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "item_name",
                table: "stock_movements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "warehouse_name",
                table: "stock_movements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entity_counts",
                table: "migration_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "options",
                table: "migration_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reconciliation",
                table: "migration_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "parent_name",
                table: "account_groups",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "parent_name",
                table: "warehouses");

            migrationBuilder.DropColumn(
                name: "warehouse_name",
                table: "voucher_inventory_lines");

            migrationBuilder.DropColumn(
                name: "additional_unit_symbol",
                table: "units");

            migrationBuilder.DropColumn(
                name: "base_unit_symbol",
                table: "units");

            migrationBuilder.DropColumn(
                name: "item_name",
                table: "stock_movements");

            migrationBuilder.DropColumn(
                name: "warehouse_name",
                table: "stock_movements");

            migrationBuilder.DropColumn(
                name: "entity_counts",
                table: "migration_jobs");

            migrationBuilder.DropColumn(
                name: "options",
                table: "migration_jobs");

            migrationBuilder.DropColumn(
                name: "reconciliation",
                table: "migration_jobs");

            migrationBuilder.DropColumn(
                name: "parent_name",
                table: "account_groups");
        }
    }
}
