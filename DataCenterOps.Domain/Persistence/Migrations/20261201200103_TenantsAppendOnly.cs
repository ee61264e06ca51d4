using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.Persistence.Migrations
{
    /// <summary>
    /// The tenants' evidence tables are append-only. A migration of its own: in the one that adds them SQLite still
    /// rebuilds Equipment (its new foreign key), and raw SQL must not run while a rebuild is pending.
    /// </summary>
    public partial class TenantsAppendOnly : Migration
    {
        private static readonly string[] AppendOnly = ["VisitPermits", "VisitPermitPersons", "VisitPermitDecisions", "TenantVisits"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Permits, their named persons, the Pengawas' decisions and the visits made on them are evidence: the database refuses to change or remove one.
            foreach (var table in AppendOnly)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoUpdate" BEFORE UPDATE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnly)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoUpdate";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoDelete";""");
            }
        }
    }
}
