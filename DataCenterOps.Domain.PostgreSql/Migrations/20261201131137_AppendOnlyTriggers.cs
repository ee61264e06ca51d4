using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.PostgreSql.Migrations
{
    /// <summary>
    /// The same append-only rules as the SQLite set's EvidenceTriggers, AccessRegister and KeyedEvidenceChain
    /// migrations, in PL/pgSQL: the database itself refuses UPDATE and DELETE (and TRUNCATE, which PostgreSQL has and
    /// row triggers do not see) on evidence, and lets lifecycle records change only in the ways the SOP allows.
    /// The messages are the SQLite ones, so a refusal reads the same on either provider.
    /// </summary>
    [DbContext(typeof(DataCenterOpsDbContext))]
    [Migration("20261201131137_AppendOnlyTriggers")]
    public partial class AppendOnlyTriggers : Migration
    {
        /// <summary>Never updated, never deleted: corrections are new rows.</summary>
        private static readonly string[] AppendOnly =
        [
            "ArchivedReports", "AuditEntries", "EvidenceSeals", "ReportSubmissions", "ReportReviews",
            "AccessEquipmentItems", "AccessRefusals", "AccessEntryCorrections", "AccessReviews", "AccessReviewItems",
        ];

        /// <summary>Never deleted; updates limited by their own trigger below.</summary>
        private static readonly (string Table, string Message)[] NoDelete =
        [
            ("AccessEntries", "AccessEntries: the access register is never deleted"),
            ("AccessGrants", "AccessGrants: the access register is never deleted"),
            ("ChecklistAnswers", "ChecklistAnswers is append-only"),
        ];

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
            string.Join(" OR ", columns.Select(c => $"NEW.\"{c}\" IS DISTINCT FROM OLD.\"{c}\""));

        private static IEnumerable<string> AllTables => AppendOnly.Concat(NoDelete.Select(n => n.Table));

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One refusing function; the message is the trigger's argument.
            migrationBuilder.Sql("""
                CREATE FUNCTION dcops_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
                END $$;
                """);

            foreach (var table in AppendOnly)
            {
                var deleted = table.StartsWith("Access", StringComparison.Ordinal) ? $"{table}: the access register is never deleted" : $"{table} is append-only";
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoUpdate" BEFORE UPDATE ON "{table}"
                    FOR EACH ROW EXECUTE FUNCTION dcops_refuse('{table} is append-only');
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}"
                    FOR EACH ROW EXECUTE FUNCTION dcops_refuse('{deleted}');
                    """);
            }

            foreach (var (table, message) in NoDelete)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}"
                    FOR EACH ROW EXECUTE FUNCTION dcops_refuse('{message}');
                    """);
            }

            foreach (var table in AllTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoTruncate" BEFORE TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION dcops_refuse('{table} is append-only');
                    """);
            }

            // Answers are saved one by one while the checklist is open (plan InExecution, or Returned for correction);
            // once the Laporan is submitted they are frozen. (A trigger's WHEN may not hold a subquery: the test is in the body.)
            migrationBuilder.Sql("""
                CREATE FUNCTION dcops_checklist_answers_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW."Id" IS DISTINCT FROM OLD."Id" OR NEW."ExecutionId" IS DISTINCT FROM OLD."ExecutionId"
                     OR NEW."TemplateItemId" IS DISTINCT FROM OLD."TemplateItemId"
                     OR COALESCE((SELECT p."State" FROM "ChecklistExecutions" e
                                  JOIN "WorkPlanItems" i ON i."Id" = e."WorkPlanItemId"
                                  JOIN "WorkPlans" p ON p."Id" = i."PlanId"
                                  WHERE e."Id" = OLD."ExecutionId"), '') NOT IN ('InExecution', 'Returned') THEN
                    RAISE EXCEPTION 'ChecklistAnswers are frozen once the Laporan is submitted' USING ERRCODE = 'integrity_constraint_violation';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER "ChecklistAnswers_NoUpdate" BEFORE UPDATE ON "ChecklistAnswers"
                FOR EACH ROW EXECUTE FUNCTION dcops_checklist_answers_frozen();
                """);

            // An entry records its exit, a correction of times or purpose, or its voiding; never who came in or how,
            // never back inside, and nothing after it is voided.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AccessEntries_NoRewrite" BEFORE UPDATE ON "AccessEntries"
                FOR EACH ROW WHEN (OLD."Status" = 'Voided' OR (OLD."Status" = 'Left' AND NEW."Status" = 'Inside')
                  OR {Changed(AccessEntryFixedColumns)})
                EXECUTE FUNCTION dcops_refuse('AccessEntries: only exit, correction and voiding may be recorded');
                """);

            // A grant is used once or revoked once; what was granted, to whom and for when never changes.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AccessGrants_NoRewrite" BEFORE UPDATE ON "AccessGrants"
                FOR EACH ROW WHEN ({Changed(AccessGrantFixedColumns)}
                  OR (OLD."UsedByEntryId" IS NOT NULL AND (NEW."UsedByEntryId" IS DISTINCT FROM OLD."UsedByEntryId" OR NEW."UsedAtUtc" IS DISTINCT FROM OLD."UsedAtUtc"))
                  OR (OLD."RevokedAtUtc" IS NOT NULL AND (NEW."RevokedAtUtc" IS DISTINCT FROM OLD."RevokedAtUtc"
                      OR NEW."RevokedById" IS DISTINCT FROM OLD."RevokedById" OR NEW."RevocationReason" IS DISTINCT FROM OLD."RevocationReason")))
                EXECUTE FUNCTION dcops_refuse('AccessGrants: only use and revocation may be recorded');
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnly)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoUpdate" ON "{table}";""");
            }

            foreach (var table in AllTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoDelete" ON "{table}";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoTruncate" ON "{table}";""");
            }

            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ChecklistAnswers_NoUpdate" ON "ChecklistAnswers";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AccessEntries_NoRewrite" ON "AccessEntries";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AccessGrants_NoRewrite" ON "AccessGrants";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS dcops_checklist_answers_frozen();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS dcops_refuse();");
        }
    }
}
