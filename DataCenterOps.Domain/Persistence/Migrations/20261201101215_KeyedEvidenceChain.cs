using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.Persistence.Migrations
{
    /// <summary>
    /// Keyed evidence chain (docs/adr/0004): the EvidenceSeals table, and append-only triggers on every evidence table.
    /// Lifecycle records (access entries, grants, checklist answers) may change only in the ways the SOP allows.
    /// </summary>
    public partial class KeyedEvidenceChain : Migration
    {
        /// <summary>
        /// Never updated, never deleted: corrections are new rows. (The access register's append-only tables and the
        /// no-delete rule on AccessEntries/AccessGrants came with the AccessRegister migration; archive and audit with EvidenceTriggers.)
        /// </summary>
        private static readonly string[] AppendOnly = ["EvidenceSeals", "ReportSubmissions", "ReportReviews"];

        /// <summary>Never deleted; updates limited by the WHEN clause below.</summary>
        private static readonly string[] NoDelete = ["ChecklistAnswers"];

        /// <summary>Who came in, on what basis, recorded by whom: fixed once written.</summary>
        private static readonly string[] AccessEntryFixedColumns =
        [
            "Id", "Kind", "UserId", "PersonName", "Organisation", "IdType", "IdNumber", "IdHeldAtDesk", "Visiting", "Basis",
            "LetterId", "LetterNumber", "GrantId", "EscortEntryId", "EscortUserId", "EscortName", "InRecordedById",
        ];

        private static readonly string[] AccessGrantFixedColumns =
        [
            "Id", "UserId", "Reason", "GrantedById", "GrantedAtUtc", "ValidFromUtc", "ValidUntilUtc",
        ];

        private static string Changed(IEnumerable<string> columns) =>
            string.Join(" OR ", columns.Select(c => $"NEW.\"{c}\" IS NOT OLD.\"{c}\""));
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvidenceSeals",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Mac = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SealedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Adopted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceSeals", x => new { x.Chain, x.Sequence });
                });

            foreach (var table in AppendOnly)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoUpdate" BEFORE UPDATE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    """);
            }

            foreach (var table in AppendOnly.Concat(NoDelete))
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    """);
            }

            // Answers are saved one by one while the checklist is open (plan InExecution, or Returned for correction);
            // once the Laporan is submitted they are frozen (the submission's snapshot keeps each revision).
            migrationBuilder.Sql("""
                CREATE TRIGGER "ChecklistAnswers_NoUpdate" BEFORE UPDATE ON "ChecklistAnswers"
                WHEN NEW."Id" IS NOT OLD."Id" OR NEW."ExecutionId" IS NOT OLD."ExecutionId" OR NEW."TemplateItemId" IS NOT OLD."TemplateItemId"
                  OR COALESCE((SELECT p."State" FROM "ChecklistExecutions" e
                               JOIN "WorkPlanItems" i ON i."Id" = e."WorkPlanItemId"
                               JOIN "WorkPlans" p ON p."Id" = i."PlanId"
                               WHERE e."Id" = OLD."ExecutionId"), '') NOT IN ('InExecution', 'Returned')
                BEGIN SELECT RAISE(ABORT, 'ChecklistAnswers are frozen once the Laporan is submitted'); END;
                """);

            // An entry records its exit, a correction of times or purpose, or its voiding; never who came in or how,
            // never back inside, and nothing after it is voided. Each change has its AccessEntryCorrections row and audit entry.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AccessEntries_NoRewrite" BEFORE UPDATE ON "AccessEntries"
                WHEN OLD."Status" = 'Voided' OR (OLD."Status" = 'Left' AND NEW."Status" = 'Inside')
                  OR {Changed(AccessEntryFixedColumns)}
                BEGIN SELECT RAISE(ABORT, 'AccessEntries: only exit, correction and voiding may be recorded'); END;
                """);

            // A grant is used once or revoked once; what was granted, to whom and for when never changes.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AccessGrants_NoRewrite" BEFORE UPDATE ON "AccessGrants"
                WHEN {Changed(AccessGrantFixedColumns)}
                  OR (OLD."UsedByEntryId" IS NOT NULL AND (NEW."UsedByEntryId" IS NOT OLD."UsedByEntryId" OR NEW."UsedAtUtc" IS NOT OLD."UsedAtUtc"))
                  OR (OLD."RevokedAtUtc" IS NOT NULL AND (NEW."RevokedAtUtc" IS NOT OLD."RevokedAtUtc"
                      OR NEW."RevokedById" IS NOT OLD."RevokedById" OR NEW."RevocationReason" IS NOT OLD."RevocationReason"))
                BEGIN SELECT RAISE(ABORT, 'AccessGrants: only use and revocation may be recorded'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnly.Concat(["ChecklistAnswers"]))
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoUpdate";""");
            }

            foreach (var table in AppendOnly.Concat(NoDelete))
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoDelete";""");
            }

            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AccessEntries_NoRewrite";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AccessGrants_NoRewrite";""");
            migrationBuilder.DropTable(
                name: "EvidenceSeals");
        }
    }
}
