using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.PostgreSql.Migrations
{
    /// <summary>Visit permit cancellations; the SQLite migration's append-only triggers in PL/pgSQL (dcops_refuse), TRUNCATE too.</summary>
    public partial class VisitPermitCancellations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VisitPermitCancellations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PermitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CancelledById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StandInId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPermitCancellations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitPermitCancellations_VisitPermits_PermitId",
                        column: x => x.PermitId,
                        principalTable: "VisitPermits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitPermitCancellations_PermitId",
                table: "VisitPermitCancellations",
                column: "PermitId",
                unique: true);

            migrationBuilder.Sql("""
                CREATE TRIGGER "VisitPermitCancellations_NoUpdate" BEFORE UPDATE ON "VisitPermitCancellations"
                FOR EACH ROW EXECUTE FUNCTION dcops_refuse('VisitPermitCancellations is append-only');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "VisitPermitCancellations_NoDelete" BEFORE DELETE ON "VisitPermitCancellations"
                FOR EACH ROW EXECUTE FUNCTION dcops_refuse('VisitPermitCancellations is append-only');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "VisitPermitCancellations_NoTruncate" BEFORE TRUNCATE ON "VisitPermitCancellations"
                FOR EACH STATEMENT EXECUTE FUNCTION dcops_refuse('VisitPermitCancellations is append-only');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "VisitPermitCancellations_NoUpdate" ON "VisitPermitCancellations";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "VisitPermitCancellations_NoDelete" ON "VisitPermitCancellations";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "VisitPermitCancellations_NoTruncate" ON "VisitPermitCancellations";""");
            migrationBuilder.DropTable(
                name: "VisitPermitCancellations");
        }
    }
}
