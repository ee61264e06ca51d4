using System.Diagnostics;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.Domain;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>
/// <c>DataCenterOps.Web verify-evidence</c> run as a process on a real database (SQLite file or PostgreSQL), configured
/// through environment variables as an operator would: exit 0 intact, 3 tampered, 2 configuration error.
/// </summary>
public sealed class VerifyEvidenceCommandTests
{
    [Fact]
    public async Task UntouchedDatabase_ExitsZero_WithOneIntactLinePerChain()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        await EvidenceChainTests.ArchiveTwoAsync(database);

        var (code, output) = await RunAsync(database);

        Assert.True(code == VerifyEvidenceCommand.Intact, output);
        Assert.Matches(@"(?m)^archive: intact, 2 entries, head #2 [0-9a-f]{12}$", output);
        Assert.Matches(@"(?m)^audit: intact, \d+ entries, head #\d+ [0-9a-f]{12}$", output);
    }

    [Fact]
    public async Task PassRewrittenToFail_WithTheSha256ChainRecomputed_ExitsThree()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        await EvidenceChainTests.ArchiveTwoAsync(database);
        await EvidenceForgery.RewriteArchiveAsync(database.Storage.DatabasePath, 1, "\"Pass\"", "\"Fail\"");

        var (code, output) = await RunAsync(database);

        Assert.True(code == VerifyEvidenceCommand.Tampered, output);
        Assert.Contains("archive: TAMPERED at #1 (signature mismatch)", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^audit: intact", output);
    }

    [Fact]
    public async Task NewestArchivedReportAndAuditEntriesDeleted_ExitsThree_NamingTheAnchor()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        await EvidenceChainTests.ArchiveTwoAsync(database);
        long auditHead;
        await using (var db = database.NewContext())
        {
            auditHead = (await new EvidenceVerifier(db, database.Key).VerifyAsync(EvidenceChains.Audit, null)).Head.Sequence;
        }

        await EvidenceForgery.DeleteNewestAsync(database.Storage.DatabasePath, "ArchivedReports", EvidenceChains.Archive, 1);
        await EvidenceForgery.DeleteNewestAsync(database.Storage.DatabasePath, "AuditEntries", EvidenceChains.Audit, 2);

        var (code, output) = await RunAsync(database);

        Assert.True(code == VerifyEvidenceCommand.Tampered, output);
        Assert.Contains("archive: TAMPERED — head #1 is behind anchor #2 (newest entries deleted)", output, StringComparison.Ordinal);
        Assert.Contains($"audit: TAMPERED — head #{auditHead - 2} is behind anchor #{auditHead} (newest entries deleted)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnPostgreSql_IntactThenAnEditedArchivedRow_ExitsZeroThenThree()
    {
        await using var database = await TestDatabase.CreateSopAsync(StorageProvider.PostgreSql);
        var (first, _) = await EvidenceChainTests.ArchiveTwoAsync(database);

        var (intact, intactOutput) = await RunAsync(database);
        Assert.True(intact == VerifyEvidenceCommand.Intact, intactOutput);
        Assert.Matches(@"(?m)^archive: intact, 2 entries, head #2 [0-9a-f]{12}$", intactOutput);

        await using (var db = database.NewContext())
        {
            // An insider with the database's password: drop the guard, then rewrite the evidence.
            await db.Database.ExecuteSqlRawAsync(database.DropTriggerSql("ArchivedReports", "ArchivedReports_NoUpdate"));
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"ArchivedReports\" SET \"CanonicalJson\" = replace(\"CanonicalJson\", 'Baik', 'Bagus') WHERE \"Id\" = {0}", first.Id);
        }

        var (code, output) = await RunAsync(database);
        Assert.True(code == VerifyEvidenceCommand.Tampered, output);
        Assert.Contains("archive: TAMPERED at #1 (signature mismatch)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnPostgreSql_WithoutAConnectionString_ExitsTwo()
    {
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dir.Path,
            ["Storage:Provider"] = "PostgreSql",
            ["Evidence:Key"] = Convert.ToBase64String(new byte[32]),
        }).Build();

        var code = await VerifyEvidenceCommand.RunAsync([VerifyEvidenceCommand.Name], configuration, output);

        Assert.True(code == VerifyEvidenceCommand.ConfigurationError, output.ToString());
        Assert.Contains("ConnectionStrings:DataCenterOps is not set", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheKey_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateSopAsync();

        var (code, output) = await RunAsync(database, key: null);

        Assert.True(code == VerifyEvidenceCommand.ConfigurationError, output);
        Assert.Contains("No evidence key", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppsKeyFile_IsFoundThroughDataProtection_AfterTheAppStops()
    {
        using var dir = new TempDirectory();
        var host = await RoutineHost.StartAsync(dir.Path);
        var scenario = await RoutineScenario.CreateAsync(host);
        await scenario.EquipmentAsync(DataCenterOps.Domain.Facilities.EquipmentKind.Ups, "UPS 1");
        await scenario.IssueLetterAsync(DataCenterOps.Domain.Facilities.EquipmentKind.Ups);
        await host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Assert.True(File.Exists(Path.Combine(dir.Path, "evidence.key")));

        var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dir.Path }).Build();
        var code = await VerifyEvidenceCommand.RunAsync([VerifyEvidenceCommand.Name], configuration, output);

        Assert.True(code == VerifyEvidenceCommand.Intact, output.ToString());
        Assert.Matches(@"(?m)^audit: intact, [1-9]\d* entries", output.ToString());
    }

    private static async Task<(int Code, string Output)> RunAsync(TestDatabase database, bool key = true) =>
        await RunAsync(database, key ? Convert.ToBase64String(database.KeyBytes) : null);

    private static async Task<(int Code, string Output)> RunAsync(TestDatabase database, string? key)
    {
        SqliteConnection.ClearAllPools();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DataCenterOps.Web.dll"));
        start.ArgumentList.Add(VerifyEvidenceCommand.Name);
        start.Environment["Storage__DataDirectory"] = database.Directory;
        if (database.Provider == StorageProvider.PostgreSql)
        {
            start.Environment["Storage__Provider"] = "PostgreSql";
            start.Environment["ConnectionStrings__DataCenterOps"] = database.Storage.PostgreSqlConnectionString;
        }
        if (key is not null)
        {
            start.Environment["Evidence__Key"] = key;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
