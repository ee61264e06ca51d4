using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Backup;
using DataCenterOps.Web.Features.Routine.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>Backups on PostgreSQL: pg_dump (custom format) verified by pg_restore into a scratch database, and the restore command.</summary>
public sealed class PostgreSqlBackupTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly string _database = "dcops_backup_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _key = Convert.ToBase64String(EvidenceKey.NewKeyBytes());
    private string _connection = "";
    private RoutineHost? _host;

    private RoutineHost Host => _host!;

    public async Task InitializeAsync()
    {
        _connection = await PostgresServer.ConnectionStringAsync(_database);
        _host = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        foreach (var name in await DatabasesLikeAsync(_database + "%"))
        {
            await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Backup_IsAVerifiedPgDump_AndRestoreBringsBackItsRowsAndChain()
    {
        var archived = await ArchiveTwoReportsAsync();
        var backups = Host.Services.GetRequiredService<BackupService>();

        var info = await Host.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<BackupJob>().RunAsync(CancellationToken.None);
            return (await backups.ListAsync()).Single();
        });

        var file = Path.Combine(backups.BackupDirectory, info.FileName);
        Assert.EndsWith(PostgresBackup.Extension, info.FileName, StringComparison.Ordinal);
        Assert.Equal("PGDMP"u8.ToArray(), (await File.ReadAllBytesAsync(file))[..5]);
        Assert.True(info.ChainIntact);
        Assert.Equal(2, archived.Count);
        Assert.Equal(2, info.ArchivedRecords);
        Assert.NotEmpty(info.EvidenceHeads!);
        Assert.Equal(await PostgresBackup.CountRowsAsync(_connection, CancellationToken.None), info.RowCounts);
        Assert.True(info.RowCounts["ArchivedReports"] == 2 && info.RowCounts["AuditEntries"] > 0);
        // The scratch database the dump was verified in is gone.
        Assert.Equal([_database], await DatabasesLikeAsync(_database + "%"));

        // Work goes on after the backup; the restore must bring the database back to the backup's state.
        await Host.DbAsync(db =>
        {
            db.Equipment.Add(new Equipment { Kind = EquipmentKind.Other, Name = "Added after the backup", Room = "DC room" });
            return db.SaveChangesAsync();
        });
        await Host.DisposeAsync();
        _host = null;
        NpgsqlConnection.ClearAllPools();

        var output = new StringWriter();
        var code = await BackupRestoreCommand.RunAsync(["restore", file], Configuration(), output, TimeProvider.System);

        Assert.True(code == BackupRestoreCommand.Restored, output.ToString());
        Assert.Equal(info.RowCounts, await PostgresBackup.CountRowsAsync(_connection, CancellationToken.None));
        Assert.Single(await DatabasesLikeAsync(_database + "_pre_restore_%"));
        var chain = await DatabaseCopyVerifier.VerifyPostgreSqlAsync(_connection, EvidenceKey.FromBase64(_key, "test"), CancellationToken.None);
        Assert.Equal(2, chain.ArchivedRecords);
        Assert.True(chain.ArchiveChainIntact);
        Assert.All(chain.Evidence, c => Assert.True(c.IsIntact, c.Line));
        Assert.Equal(0, await ScalarAsync(_connection, "SELECT count(*) FROM \"Equipment\" WHERE \"Name\" = 'Added after the backup'"));

        // The restored database is the app's database again: the app starts on it.
        _host = await StartAsync();
        Assert.Equal(2, await Host.DbAsync(db => db.Set<ArchivedReport>().CountAsync()));
    }

    [Fact]
    public async Task Restore_IsRefused_WhileASessionIsOnTheLiveDatabase_AndChangesNothing()
    {
        var info = await Host.Services.GetRequiredService<BackupService>().CreateAsync(CancellationToken.None);
        var file = Path.Combine(Host.Services.GetRequiredService<BackupService>().BackupDirectory, info.FileName);
        await Host.DisposeAsync();
        _host = null;
        NpgsqlConnection.ClearAllPools();
        await using var otherNode = new NpgsqlConnection(_connection);
        await otherNode.OpenAsync();
        var output = new StringWriter();

        var code = await BackupRestoreCommand.RunAsync(["restore", file], Configuration(), output, TimeProvider.System);

        Assert.Equal(BackupRestoreCommand.AppRunning, code);
        Assert.Contains("session(s) are connected", output.ToString(), StringComparison.Ordinal);
        Assert.Equal([_database], await DatabasesLikeAsync(_database + "%"));
    }

    [Fact]
    public async Task Restore_IsRefused_ForAFileThatIsNotADump_AndChangesNothing()
    {
        var before = await PostgresBackup.CountRowsAsync(_connection, CancellationToken.None);
        await Host.DisposeAsync();
        _host = null;
        NpgsqlConnection.ClearAllPools();
        var garbage = _dir.Write("not-a-backup.pgdump", "PGDMP but not really a dump");
        var output = new StringWriter();

        var code = await BackupRestoreCommand.RunAsync(["restore", garbage], Configuration(), output, TimeProvider.System);

        Assert.Equal(BackupRestoreCommand.VerificationFailed, code);
        Assert.Contains("pg_restore exited", output.ToString(), StringComparison.Ordinal);
        Assert.Equal([_database], await DatabasesLikeAsync(_database + "%"));
        Assert.Equal(before, await PostgresBackup.CountRowsAsync(_connection, CancellationToken.None));
    }

    [Fact]
    public async Task PgDump_IsTheConfiguredOne_AndGetsThePasswordInItsEnvironment_NeverOnItsCommandLine()
    {
        // Backup:PgDumpPath points at wrappers that record what they were given, then run the real tools.
        var bin = Path.Combine(_dir.Path, "pgbin");
        Directory.CreateDirectory(bin);
        var log = Path.Combine(_dir.Path, "calls.log");
        foreach (var tool in new[] { "pg_dump", "pg_restore" })
        {
            var script = Path.Combine(bin, tool);
            await File.WriteAllTextAsync(script, $"""
                #!/bin/sh
                echo "{tool} argv: $*" >> '{log}'
                echo "{tool} PGPASSWORD=$PGPASSWORD" >> '{log}'
                exec {PostgresCluster.BinDirectory}/{tool} "$@"
                """);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        await Host.DisposeAsync();
        const string Password = "s3cret-Pa55word";
        var withPassword = new NpgsqlConnectionStringBuilder(_connection) { Password = Password }.ConnectionString;
        _host = await StartAsync(withPassword, new Dictionary<string, string?> { ["Backup:PgDumpPath"] = Path.Combine(bin, "pg_dump") });

        var info = await Host.Services.GetRequiredService<BackupService>().CreateAsync(CancellationToken.None);

        Assert.True(info.ChainIntact);
        var calls = await File.ReadAllLinesAsync(log);
        Assert.Contains(calls, l => l.StartsWith("pg_dump argv: --format=custom", StringComparison.Ordinal));
        Assert.Contains(calls, l => l.StartsWith("pg_restore argv:", StringComparison.Ordinal));
        Assert.All(calls.Where(l => l.Contains("argv:", StringComparison.Ordinal)), l => Assert.DoesNotContain(Password, l, StringComparison.Ordinal));
        Assert.Equal(2, calls.Count(l => l.EndsWith("PGPASSWORD=" + Password, StringComparison.Ordinal)));
    }

    private Task<RoutineHost> StartAsync(string? connection = null, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:DataCenterOps"] = connection ?? _connection,
            ["Evidence:Key"] = _key,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return RoutineHost.StartAsync(_dir.Path, settings: settings);
    }

    private async Task<IReadOnlyList<ArchivedReport>> ArchiveTwoReportsAsync()
    {
        var scenario = await RoutineScenario.CreateAsync(Host);
        await scenario.EquipmentAsync(EquipmentKind.Cooling, "CRAC 1");
        await scenario.EquipmentAsync(EquipmentKind.Ups, "UPS 1");
        var archived = new List<ArchivedReport>();
        foreach (var (kind, schedule) in new[] { (EquipmentKind.Cooling, "crac-daily"), (EquipmentKind.Ups, "ups-monthly") })
        {
            var plan = await scenario.CreatePlanAsync(await scenario.IssueLetterAsync(kind));
            var scheduleId = await Host.DbAsync(db => db.Set<MaintenanceSchedule>().Where(s => s.Code == schedule).Select(s => s.Id).SingleAsync());
            await Host.InScopeAsync(sp => sp.GetRequiredService<ScheduleJob>().RunAsync(scheduleId, CancellationToken.None));
            await scenario.PublishAsync(plan);
            await scenario.CompleteChecklistsAsync(plan);
            archived.Add(await scenario.SubmitApproveArchiveAsync(plan));
        }

        return archived;
    }

    private IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:DataDirectory"] = _dir.Path,
        ["Storage:Provider"] = "PostgreSql",
        ["ConnectionStrings:DataCenterOps"] = _connection,
        ["Evidence:Key"] = _key,
    }).Build();

    private static async Task<List<string>> DatabasesLikeAsync(string pattern)
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @p ORDER BY 1", connection);
        command.Parameters.AddWithValue("p", pattern);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
