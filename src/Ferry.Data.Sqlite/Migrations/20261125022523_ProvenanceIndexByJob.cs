using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ferry.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProvenanceIndexByJob : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_warehouses_organization_id_created_job_id",
                table: "warehouses");

            migrationBuilder.DropIndex(
                name: "IX_vouchers_organization_id_created_job_id",
                table: "vouchers");

            migrationBuilder.DropIndex(
                name: "IX_units_organization_id_created_job_id",
                table: "units");

            migrationBuilder.DropIndex(
                name: "IX_stock_movements_organization_id_created_job_id",
                table: "stock_movements");

            migrationBuilder.DropIndex(
                name: "IX_products_organization_id_created_job_id",
                table: "products");

            migrationBuilder.DropIndex(
                name: "IX_ledgers_organization_id_created_job_id",
                table: "ledgers");

            migrationBuilder.DropIndex(
                name: "IX_contacts_organization_id_created_job_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "IX_company_profiles_organization_id_created_job_id",
                table: "company_profiles");

            migrationBuilder.DropIndex(
                name: "IX_account_groups_organization_id_created_job_id",
                table: "account_groups");

            migrationBuilder.CreateIndex(
                name: "IX_warehouses_created_job_id",
                table: "warehouses",
                column: "created_job_id");

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_created_job_id",
                table: "vouchers",
                column: "created_job_id");

            migrationBuilder.CreateIndex(
                name: "IX_units_created_job_id",
                table: "units",
                column: "created_job_id");

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_created_job_id",
                table: "stock_movements",
                column: "created_job_id");

            migrationBuilder.CreateIndex(
                name: "IX_products_created_job_id",
                table: "products",
                column: "created_job_id");

            migrationBuilder.CreateIndex(
                name: "IX_ledgers_created_job_id",
                table: "ledgers",
                column: "created_job_id");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_created_job_id",
                table: "contacts",
                column: "created_job_id");

            migrationBuilder.CreateIndex(
                name: "IX_company_profiles_created_job_id",
                table: "company_profiles",
                column: "created_job_id");

            migrationBuilder.CreateIndex(
                name: "IX_account_groups_created_job_id",
                table: "account_groups",
                column: "created_job_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_warehouses_created_job_id",
                table: "warehouses");

            migrationBuilder.DropIndex(
                name: "IX_vouchers_created_job_id",
                table: "vouchers");

            migrationBuilder.DropIndex(
                name: "IX_units_created_job_id",
                table: "units");

            migrationBuilder.DropIndex(
                name: "IX_stock_movements_created_job_id",
                table: "stock_movements");

            migrationBuilder.DropIndex(
                name: "IX_products_created_job_id",
                table: "products");

            migrationBuilder.DropIndex(
                name: "IX_ledgers_created_job_id",
                table: "ledgers");

            migrationBuilder.DropIndex(
                name: "IX_contacts_created_job_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "IX_company_profiles_created_job_id",
                table: "company_profiles");

            migrationBuilder.DropIndex(
                name: "IX_account_groups_created_job_id",
                table: "account_groups");

            migrationBuilder.CreateIndex(
                name: "IX_warehouses_organization_id_created_job_id",
                table: "warehouses",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_organization_id_created_job_id",
                table: "vouchers",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_units_organization_id_created_job_id",
                table: "units",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_organization_id_created_job_id",
                table: "stock_movements",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_products_organization_id_created_job_id",
                table: "products",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_ledgers_organization_id_created_job_id",
                table: "ledgers",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_contacts_organization_id_created_job_id",
                table: "contacts",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_company_profiles_organization_id_created_job_id",
                table: "company_profiles",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_account_groups_organization_id_created_job_id",
                table: "account_groups",
                columns: new[] { "organization_id", "created_job_id" });
        }
    }
}
