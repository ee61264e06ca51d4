using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DataCenterOps.Domain.PostgreSql.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// The entities added beside the first PostgreSQL set (commissioned devices, document verification codes, door
    /// openings, maintenance windows), with DocumentCodes append-only as on SQLite.
    /// </summary>
    public partial class RoundTwoEntities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommissionedDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Protocol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Host = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Port = table.Column<int>(type: "integer", nullable: false),
                    Profile = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IntervalSeconds = table.Column<double>(type: "double precision", nullable: false),
                    SnmpVersion = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ProtectedCommunity = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    V3User = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    V3AuthProtocol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ProtectedV3AuthPassword = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    V3PrivProtocol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ProtectedV3PrivPassword = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    V3Context = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionedDevices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentCodes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LetterId = table.Column<Guid>(type: "uuid", nullable: true),
                    ArchiveId = table.Column<long>(type: "bigint", nullable: true),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentCodes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "DoorOpenings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Registered = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoorOpenings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceWindows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EquipmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OpenedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceWindows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaintenanceWindows_Equipment_EquipmentId",
                        column: x => x.EquipmentId,
                        principalTable: "Equipment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionedDevices_DeviceId",
                table: "CommissionedDevices",
                column: "DeviceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentCodes_ArchiveId",
                table: "DocumentCodes",
                column: "ArchiveId",
                unique: true,
                filter: "\"ArchiveId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentCodes_LetterId",
                table: "DocumentCodes",
                column: "LetterId",
                unique: true,
                filter: "\"LetterId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DoorOpenings_CheckedAtUtc",
                table: "DoorOpenings",
                column: "CheckedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DoorOpenings_OpenedAtUtc",
                table: "DoorOpenings",
                column: "OpenedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceWindows_EndUtc_StartUtc",
                table: "MaintenanceWindows",
                columns: new[] { "EndUtc", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceWindows_EquipmentId",
                table: "MaintenanceWindows",
                column: "EquipmentId");

            // A printed verification code is permanent, as in the SQLite set's DocumentCodes migration.
            migrationBuilder.Sql("""
                CREATE TRIGGER "DocumentCodes_NoUpdate" BEFORE UPDATE ON "DocumentCodes"
                FOR EACH ROW EXECUTE FUNCTION dcops_refuse('DocumentCodes is append-only');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "DocumentCodes_NoDelete" BEFORE DELETE ON "DocumentCodes"
                FOR EACH ROW EXECUTE FUNCTION dcops_refuse('DocumentCodes is append-only');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "DocumentCodes_NoTruncate" BEFORE TRUNCATE ON "DocumentCodes"
                FOR EACH STATEMENT EXECUTE FUNCTION dcops_refuse('DocumentCodes is append-only');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "DocumentCodes_NoUpdate" ON "DocumentCodes";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "DocumentCodes_NoDelete" ON "DocumentCodes";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "DocumentCodes_NoTruncate" ON "DocumentCodes";""");

            migrationBuilder.DropTable(
                name: "CommissionedDevices");

            migrationBuilder.DropTable(
                name: "DocumentCodes");

            migrationBuilder.DropTable(
                name: "DoorOpenings");

            migrationBuilder.DropTable(
                name: "MaintenanceWindows");
        }
    }
}
