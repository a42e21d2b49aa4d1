using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ferry.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "account_groups",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    parent_id = table.Column<long>(type: "bigint", nullable: true),
                    nature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_reserved = table.Column<bool>(type: "boolean", nullable: false),
                    source_guid = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    natural_key = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    created_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_groups", x => x.id);
                    table.ForeignKey(
                        name: "FK_account_groups_account_groups_parent_id",
                        column: x => x.parent_id,
                        principalTable: "account_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_account_groups_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "company_profiles",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    legal_name = table.Column<string>(type: "text", nullable: true),
                    gstin = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    pan = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    state_code = table.Column<string>(type: "text", nullable: true),
                    address_line1 = table.Column<string>(type: "text", nullable: true),
                    address_line2 = table.Column<string>(type: "text", nullable: true),
                    city = table.Column<string>(type: "text", nullable: true),
                    state = table.Column<string>(type: "text", nullable: true),
                    pin_code = table.Column<string>(type: "text", nullable: true),
                    country = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    website = table.Column<string>(type: "text", nullable: true),
                    base_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    financial_year_start = table.Column<DateOnly>(type: "date", nullable: true),
                    books_begin_from = table.Column<DateOnly>(type: "date", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    natural_key = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    created_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_company_profiles", x => x.id);
                    table.ForeignKey(
                        name: "FK_company_profiles_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "migration_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    data_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    conflict_strategy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    created_by_user_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    batch_size = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    stored_file_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    file_size = table.Column<long>(type: "bigint", nullable: true),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    file_profile = table.Column<string>(type: "text", nullable: true),
                    validation_report = table.Column<string>(type: "text", nullable: true),
                    validated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    records_total = table.Column<long>(type: "bigint", nullable: false),
                    records_processed = table.Column<long>(type: "bigint", nullable: false),
                    records_inserted = table.Column<long>(type: "bigint", nullable: false),
                    records_updated = table.Column<long>(type: "bigint", nullable: false),
                    records_skipped = table.Column<long>(type: "bigint", nullable: false),
                    records_failed = table.Column<long>(type: "bigint", nullable: false),
                    checkpoint = table.Column<long>(type: "bigint", nullable: false),
                    lease_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    epoch = table.Column<long>(type: "bigint", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    max_attempts = table.Column<int>(type: "integer", nullable: false),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    queued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    run_started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    run_start_checkpoint = table.Column<long>(type: "bigint", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    rollback_checkpoint = table.Column<long>(type: "bigint", nullable: false),
                    rollback_summary = table.Column<string>(type: "text", nullable: true),
                    rolled_back_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_migration_jobs", x => x.id);
                    table.ForeignKey(
                        name: "FK_migration_jobs_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    symbol = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    formal_name = table.Column<string>(type: "text", nullable: true),
                    decimal_places = table.Column<long>(type: "bigint", nullable: false),
                    is_compound = table.Column<bool>(type: "boolean", nullable: false),
                    base_unit_id = table.Column<long>(type: "bigint", nullable: true),
                    additional_unit_id = table.Column<long>(type: "bigint", nullable: true),
                    conversion = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    source_guid = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    natural_key = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    created_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => x.id);
                    table.ForeignKey(
                        name: "FK_units_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_units_units_additional_unit_id",
                        column: x => x.additional_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_units_units_base_unit_id",
                        column: x => x.base_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                    table.ForeignKey(
                        name: "FK_users_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "warehouses",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    parent_id = table.Column<long>(type: "bigint", nullable: true),
                    address = table.Column<string>(type: "text", nullable: true),
                    source_guid = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    natural_key = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    created_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_warehouses", x => x.id);
                    table.ForeignKey(
                        name: "FK_warehouses_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_warehouses_warehouses_parent_id",
                        column: x => x.parent_id,
                        principalTable: "warehouses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledgers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    alias = table.Column<string>(type: "text", nullable: true),
                    group_id = table.Column<long>(type: "bigint", nullable: true),
                    group_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    opening_balance = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    opening_balance_side = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    gstin = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    pan = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    state = table.Column<string>(type: "text", nullable: true),
                    gst_rate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    bank_account_number = table.Column<string>(type: "text", nullable: true),
                    ifsc = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    source_guid = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    natural_key = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    created_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledgers", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledgers_account_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "account_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ledgers_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "job_field_mappings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    source_field = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    target_field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    field_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    is_required = table.Column<bool>(type: "boolean", nullable: false),
                    transformation_rule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    validation_rule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    default_value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    confidence = table.Column<double>(type: "double precision", nullable: true),
                    origin = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_field_mappings", x => x.id);
                    table.ForeignKey(
                        name: "FK_job_field_mappings_migration_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "migration_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "job_logs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    source_record_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    source_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    error_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    error_details = table.Column<string>(type: "text", nullable: true),
                    operation = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_logs", x => x.id);
                    table.ForeignKey(
                        name: "FK_job_logs_migration_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "migration_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rollback_journal",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    table_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    row_id = table.Column<long>(type: "bigint", nullable: false),
                    before_image = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollback_journal", x => x.id);
                    table.ForeignKey(
                        name: "FK_rollback_journal_migration_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "migration_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sku = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    product_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    hsn_sac = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    unit_id = table.Column<long>(type: "bigint", nullable: true),
                    unit_symbol = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    category = table.Column<string>(type: "text", nullable: true),
                    barcode = table.Column<string>(type: "text", nullable: true),
                    sale_rate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    purchase_rate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    mrp = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    gst_rate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    reorder_level = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    source_guid = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    natural_key = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    created_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_products", x => x.id);
                    table.ForeignKey(
                        name: "FK_products_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_products_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    company_name = table.Column<string>(type: "text", nullable: true),
                    contact_person = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "text", nullable: true),
                    mobile = table.Column<string>(type: "text", nullable: true),
                    website = table.Column<string>(type: "text", nullable: true),
                    gstin = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    gst_treatment = table.Column<string>(type: "text", nullable: true),
                    pan = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    place_of_supply = table.Column<string>(type: "text", nullable: true),
                    billing_line1 = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    billing_line2 = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    billing_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    billing_state = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    billing_pin_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    billing_country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    shipping_line1 = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    shipping_line2 = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    shipping_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    shipping_state = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    shipping_pin_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    shipping_country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    opening_balance = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    opening_balance_side = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    credit_limit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    payment_terms_days = table.Column<long>(type: "bigint", nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    notes = table.Column<string>(type: "text", nullable: true),
                    ledger_id = table.Column<long>(type: "bigint", nullable: true),
                    source_guid = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    natural_key = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    created_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contacts", x => x.id);
                    table.ForeignKey(
                        name: "FK_contacts_ledgers_ledger_id",
                        column: x => x.ledger_id,
                        principalTable: "ledgers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_contacts_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vouchers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    voucher_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    voucher_type_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    reference = table.Column<string>(type: "text", nullable: true),
                    reference_date = table.Column<DateOnly>(type: "date", nullable: true),
                    narration = table.Column<string>(type: "text", nullable: true),
                    party_ledger_id = table.Column<long>(type: "bigint", nullable: true),
                    party_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    total_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    source_guid = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    natural_key = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    created_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vouchers", x => x.id);
                    table.ForeignKey(
                        name: "FK_vouchers_ledgers_party_ledger_id",
                        column: x => x.party_ledger_id,
                        principalTable: "ledgers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_vouchers_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stock_movements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    product_id = table.Column<long>(type: "bigint", nullable: false),
                    warehouse_id = table.Column<long>(type: "bigint", nullable: true),
                    movement_date = table.Column<DateOnly>(type: "date", nullable: false),
                    movement_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    voucher_id = table.Column<long>(type: "bigint", nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    natural_key = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    created_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_movements", x => x.id);
                    table.ForeignKey(
                        name: "FK_stock_movements_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_stock_movements_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_stock_movements_vouchers_voucher_id",
                        column: x => x.voucher_id,
                        principalTable: "vouchers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_stock_movements_warehouses_warehouse_id",
                        column: x => x.warehouse_id,
                        principalTable: "warehouses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voucher_inventory_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    voucher_id = table.Column<long>(type: "bigint", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<long>(type: "bigint", nullable: true),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    warehouse_id = table.Column<long>(type: "bigint", nullable: true),
                    batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    account_ledger_name = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voucher_inventory_lines", x => x.id);
                    table.ForeignKey(
                        name: "FK_voucher_inventory_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_voucher_inventory_lines_vouchers_voucher_id",
                        column: x => x.voucher_id,
                        principalTable: "vouchers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_voucher_inventory_lines_warehouses_warehouse_id",
                        column: x => x.warehouse_id,
                        principalTable: "warehouses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voucher_ledger_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    voucher_id = table.Column<long>(type: "bigint", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    ledger_id = table.Column<long>(type: "bigint", nullable: true),
                    ledger_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    debit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    credit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    bill_allocations = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voucher_ledger_lines", x => x.id);
                    table.ForeignKey(
                        name: "FK_voucher_ledger_lines_ledgers_ledger_id",
                        column: x => x.ledger_id,
                        principalTable: "ledgers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_voucher_ledger_lines_vouchers_voucher_id",
                        column: x => x.voucher_id,
                        principalTable: "vouchers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_account_groups_organization_id_created_job_id",
                table: "account_groups",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_account_groups_organization_id_natural_key",
                table: "account_groups",
                columns: new[] { "organization_id", "natural_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_account_groups_parent_id",
                table: "account_groups",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_company_profiles_organization_id_created_job_id",
                table: "company_profiles",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_company_profiles_organization_id_natural_key",
                table: "company_profiles",
                columns: new[] { "organization_id", "natural_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contacts_ledger_id",
                table: "contacts",
                column: "ledger_id");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_organization_id_created_job_id",
                table: "contacts",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_contacts_organization_id_natural_key",
                table: "contacts",
                columns: new[] { "organization_id", "natural_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_job_field_mappings_job_id",
                table: "job_field_mappings",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "IX_job_field_mappings_organization_id_job_id_position",
                table: "job_field_mappings",
                columns: new[] { "organization_id", "job_id", "position" });

            migrationBuilder.CreateIndex(
                name: "IX_job_logs_job_id",
                table: "job_logs",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "IX_job_logs_organization_id_job_id_id",
                table: "job_logs",
                columns: new[] { "organization_id", "job_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_ledgers_group_id",
                table: "ledgers",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "IX_ledgers_organization_id_created_job_id",
                table: "ledgers",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_ledgers_organization_id_natural_key",
                table: "ledgers",
                columns: new[] { "organization_id", "natural_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_migration_jobs_organization_id_created_at",
                table: "migration_jobs",
                columns: new[] { "organization_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_migration_jobs_organization_id_file_sha256",
                table: "migration_jobs",
                columns: new[] { "organization_id", "file_sha256" });

            migrationBuilder.CreateIndex(
                name: "IX_migration_jobs_status_queued_at",
                table: "migration_jobs",
                columns: new[] { "status", "queued_at" });

            migrationBuilder.CreateIndex(
                name: "ux_migration_jobs_one_active_per_org",
                table: "migration_jobs",
                column: "organization_id",
                unique: true,
                filter: "status IN ('queued', 'running', 'rolling_back')");

            migrationBuilder.CreateIndex(
                name: "IX_organizations_slug",
                table: "organizations",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_products_organization_id_created_job_id",
                table: "products",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_products_organization_id_natural_key",
                table: "products",
                columns: new[] { "organization_id", "natural_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_products_unit_id",
                table: "products",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "IX_rollback_journal_job_id",
                table: "rollback_journal",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "IX_rollback_journal_organization_id_job_id_id",
                table: "rollback_journal",
                columns: new[] { "organization_id", "job_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_organization_id_created_job_id",
                table: "stock_movements",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_organization_id_natural_key",
                table: "stock_movements",
                columns: new[] { "organization_id", "natural_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_product_id",
                table: "stock_movements",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_voucher_id",
                table: "stock_movements",
                column: "voucher_id");

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_warehouse_id",
                table: "stock_movements",
                column: "warehouse_id");

            migrationBuilder.CreateIndex(
                name: "IX_units_additional_unit_id",
                table: "units",
                column: "additional_unit_id");

            migrationBuilder.CreateIndex(
                name: "IX_units_base_unit_id",
                table: "units",
                column: "base_unit_id");

            migrationBuilder.CreateIndex(
                name: "IX_units_organization_id_created_job_id",
                table: "units",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_units_organization_id_natural_key",
                table: "units",
                columns: new[] { "organization_id", "natural_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_email",
                table: "users",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_organization_id",
                table: "users",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_voucher_inventory_lines_organization_id_product_id",
                table: "voucher_inventory_lines",
                columns: new[] { "organization_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "IX_voucher_inventory_lines_product_id",
                table: "voucher_inventory_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "IX_voucher_inventory_lines_voucher_id_line_no",
                table: "voucher_inventory_lines",
                columns: new[] { "voucher_id", "line_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voucher_inventory_lines_warehouse_id",
                table: "voucher_inventory_lines",
                column: "warehouse_id");

            migrationBuilder.CreateIndex(
                name: "IX_voucher_ledger_lines_ledger_id",
                table: "voucher_ledger_lines",
                column: "ledger_id");

            migrationBuilder.CreateIndex(
                name: "IX_voucher_ledger_lines_organization_id_ledger_id",
                table: "voucher_ledger_lines",
                columns: new[] { "organization_id", "ledger_id" });

            migrationBuilder.CreateIndex(
                name: "IX_voucher_ledger_lines_voucher_id_line_no",
                table: "voucher_ledger_lines",
                columns: new[] { "voucher_id", "line_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_organization_id_created_job_id",
                table: "vouchers",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_organization_id_date",
                table: "vouchers",
                columns: new[] { "organization_id", "date" });

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_organization_id_natural_key",
                table: "vouchers",
                columns: new[] { "organization_id", "natural_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_party_ledger_id",
                table: "vouchers",
                column: "party_ledger_id");

            migrationBuilder.CreateIndex(
                name: "IX_warehouses_organization_id_created_job_id",
                table: "warehouses",
                columns: new[] { "organization_id", "created_job_id" });

            migrationBuilder.CreateIndex(
                name: "IX_warehouses_organization_id_natural_key",
                table: "warehouses",
                columns: new[] { "organization_id", "natural_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_warehouses_parent_id",
                table: "warehouses",
                column: "parent_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_profiles");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "job_field_mappings");

            migrationBuilder.DropTable(
                name: "job_logs");

            migrationBuilder.DropTable(
                name: "rollback_journal");

            migrationBuilder.DropTable(
                name: "stock_movements");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "voucher_inventory_lines");

            migrationBuilder.DropTable(
                name: "voucher_ledger_lines");

            migrationBuilder.DropTable(
                name: "migration_jobs");

            migrationBuilder.DropTable(
                name: "products");

            migrationBuilder.DropTable(
                name: "warehouses");

            migrationBuilder.DropTable(
                name: "vouchers");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "ledgers");

            migrationBuilder.DropTable(
                name: "account_groups");

            migrationBuilder.DropTable(
                name: "organizations");
        }
    }
}
