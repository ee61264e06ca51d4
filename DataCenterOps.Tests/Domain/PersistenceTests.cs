using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain;

/// <remarks>Runs on both providers: <c>PersistenceTests+Sqlite</c> and <c>PersistenceTests+PostgreSql</c>.</remarks>
public abstract class PersistenceTests(StorageProvider provider)
{
    public sealed class Sqlite() : PersistenceTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : PersistenceTests(StorageProvider.PostgreSql);

    [Fact]
    public async Task Migrations_ApplyToAFreshDatabase_WithTheProvidersGuards()
    {
        if (provider == StorageProvider.PostgreSql)
        {
            // An empty server database: the PostgreSQL set creates every table, then its append-only triggers.
            var name = "dcops_fresh_" + Guid.NewGuid().ToString("N");
            var storage = new StorageOptions { Provider = provider, PostgreSqlConnectionString = await PostgresServer.ConnectionStringAsync(name) };
            try
            {
                await using var db = new DataCenterOpsDbContext(new DbContextOptionsBuilder<DataCenterOpsDbContext>().Use(storage).Options);
                await db.Database.MigrateAsync();

                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                var guards = await db.Database.SqlQueryRaw<string>(
                    "SELECT tgname AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname").ToListAsync();
                Assert.Contains("ArchivedReports_NoUpdate", guards);
                Assert.Contains("EvidenceSeals_NoTruncate", guards);
                Assert.Contains("AccessEntries_NoRewrite", guards);
                Assert.Contains("ChecklistAnswers_NoUpdate", guards);
            }
            finally
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }

            return;
        }

        var directory = Path.Combine(Path.GetTempPath(), "dcops-tests", Guid.NewGuid().ToString("N"));
        var file = new StorageOptions { DataDirectory = directory };
        Directory.CreateDirectory(directory);
        try
        {
            await using var db = new DataCenterOpsDbContext(new DbContextOptionsBuilder<DataCenterOpsDbContext>().Use(file).Options);
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True(File.Exists(file.DatabasePath));
            var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
            Assert.Equal("wal", mode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Letter_RoundTrips_WithPeopleScopeAndUtcTimes()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.LetterIssued);

        await using var db = database.NewContext();
        var letter = await db.AssignmentLetters.Include(l => l.Inspectors).Include(l => l.Scope).SingleAsync(l => l.Id == flow.LetterId);
        Assert.Equal("065.2/1/Diskominfo/2026", letter.Number);
        Assert.Equal([People.Inspector1, People.Inspector2], letter.Inspectors.Select(i => i.UserId).Order());
        Assert.Single(letter.Scope);
        Assert.Equal(DateTimeKind.Utc, letter.ValidFromUtc.Kind);
        Assert.Equal(TestDatabase.SopStart.UtcDateTime.AddHours(-1), letter.ValidFromUtc);
        Assert.Equal(TestDatabase.SopStart.UtcDateTime, letter.IssuedAtUtc);
    }

    [Fact]
    public async Task LetterNumbers_CountPerYear_FromTheConfiguredPattern()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        database.Sop.LetterNumberPattern = "ST-{year}-{seq}";
        var numbers = new List<string?>();
        foreach (var advance in new[] { 0, 1, 300 })
        {
            database.Time.Advance(TimeSpan.FromDays(advance));
            var flow = new SopFlow(database);
            await flow.ToAsync(SopState.LetterIssued);
            await using var db = database.NewContext();
            numbers.Add((await db.AssignmentLetters.SingleAsync(l => l.Id == flow.LetterId)).Number);
        }

        Assert.Equal(["ST-2026-1", "ST-2026-2", "ST-2026-3"], numbers);
        database.Time.Advance(TimeSpan.FromDays(100));
        var next = new SopFlow(database);
        await next.ToAsync(SopState.LetterIssued);
        await using var check = database.NewContext();
        Assert.Equal("ST-2027-1", (await check.AssignmentLetters.SingleAsync(l => l.Id == next.LetterId)).Number);
    }

    [Fact]
    public async Task EveryTransition_WritesAnAuditEntry_WithBeforeAndAfter()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Archived);

        await using var db = database.NewContext();
        var actions = await db.AuditEntries.Select(a => a.Action).ToListAsync();
        foreach (var expected in new[] { "LetterDrafted", "LetterIssued", "PlanCreated", "PlanItemAdded", "PlanPublished",
                     "ChecklistAnswered", "ChecklistCompleted", "ReportSubmitted", "ReportApproved", "ReportArchived" })
        {
            Assert.Contains(expected, actions);
        }

        var issued = await db.AuditEntries.SingleAsync(a => a.Action == "LetterIssued");
        Assert.Equal(People.Supervisor, issued.ActorId);
        Assert.Contains("LetterDraft", issued.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("LetterIssued", issued.AfterJson, StringComparison.Ordinal);
        Assert.Equal(DateTimeKind.Utc, issued.AtUtc.Kind);
    }

    [Fact]
    public async Task StaleCopy_IsRefused_AsConcurrencyConflict()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.DraftAsync();

        // A second person opened the letter before the first one issued it.
        await using var stale = database.NewContext();
        await new AssignmentLetterService(stale, database.Time, database.Options, new AuditLog(stale, database.Time)).FindAsync(flow.LetterId);
        await flow.IssueAsync();

        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            new AssignmentLetterService(stale, database.Time, database.Options, new AuditLog(stale, database.Time)).RevokeAsync(People.Actor(People.Supervisor), flow.LetterId, "late"));
        Assert.Equal(SopError.ConcurrencyConflict, error.Code);
        Assert.Equal(SopState.LetterIssued, await flow.LetterStateAsync());
    }

    [Fact]
    public async Task Version_IsRenewed_OnEveryChange()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.DraftAsync();
        Guid before;
        await using (var db = database.NewContext())
        {
            before = (await db.AssignmentLetters.SingleAsync()).Version;
        }

        await flow.IssueAsync();
        await using var after = database.NewContext();
        Assert.NotEqual(before, (await after.AssignmentLetters.SingleAsync()).Version);
    }
}
