using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.Persistence.Migrations
{
    /// <summary>
    /// The Pengawas' cancellation of an approved visit permit: a row of its own (the permit is never changed), one per
    /// permit, append-only like the decision. No table is rebuilt here, so the triggers come in the same migration.
    /// </summary>
    public partial class VisitPermitCancellations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VisitPermitCancellations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PermitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CancelledById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StandInId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                BEGIN SELECT RAISE(ABORT, 'VisitPermitCancellations is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "VisitPermitCancellations_NoDelete" BEFORE DELETE ON "VisitPermitCancellations"
                BEGIN SELECT RAISE(ABORT, 'VisitPermitCancellations is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "VisitPermitCancellations_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "VisitPermitCancellations_NoDelete";""");
            migrationBuilder.DropTable(
                name: "VisitPermitCancellations");
        }
    }
}
