using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Backup;
using DataCenterOps.Web.Features.Routine.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>Online backup with VACUUM INTO, its verification, retention, and the restore command.</summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private RoutineHost? _host;

    private RoutineHost Host => _host!;

    public async Task InitializeAsync() =>
        _host = await RoutineHost.StartAsync(_dir.Path, settings: new Dictionary<string, string?> { ["Backup:Keep"] = "2" });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Backup_IsAVerifiedDatabase_AndRestoresWithEqualRowCounts_AndAnIntactChain()
    {
        var archived = await ArchiveTwoReportsAsync();
        var backups = Host.Services.GetRequiredService<BackupService>();
        var key = Host.Services.GetRequiredService<EvidenceKey>();

        var info = await backups.CreateAsync(CancellationToken.None);

        var file = Path.Combine(backups.BackupDirectory, info.FileName);
        Assert.Equal(Path.Combine(_dir.Path, "backups"), backups.BackupDirectory);
        Assert.False(File.Exists(file + "-wal"));
        Assert.Equal("ok", info.IntegrityCheck);
        Assert.True(info.ChainIntact);
        Assert.Equal(2, info.ArchivedRecords);
        Assert.Equal(await LiveCountsAsync(), info.RowCounts);
        Assert.Equal(info.FileName, (await backups.LastRunAsync())!.FileName);

        // Work goes on after the backup; the restore must bring the database back to the backup's state.
        await Host.DbAsync(db =>
        {
            db.Equipment.Add(new Equipment { Kind = EquipmentKind.Other, Name = "Added after the backup", Room = "DC room" });
            return db.SaveChangesAsync();
        });
        await Host.DisposeAsync();
        _host = null;

        var output = new StringWriter();
        var code = await BackupRestoreCommand.RunAsync(["restore", file], Configuration(), output, TimeProvider.System);

        Assert.True(code == BackupRestoreCommand.Restored, output.ToString());
        var live = Path.Combine(_dir.Path, StorageOptions.DatabaseFileName);
        Assert.Equal(info.RowCounts, await BackupInspector.CountRowsAsync(live, CancellationToken.None));
        Assert.Single(Directory.GetDirectories(_dir.Path, "pre-restore-*"));
        await using var restored = new DataCenterOpsDbContext(new DbContextOptionsBuilder<DataCenterOpsDbContext>()
            .UseSqlite(BackupInspector.ConnectionString(live)).Options);
        var chain = await new ArchiveService(restored, TimeProvider.System, key, new AuditLog(restored, TimeProvider.System)).VerifyChainAsync();
        Assert.Equal(archived.Select(a => a.Id), chain.Select(c => c.ArchiveId));
        Assert.All(chain, c => Assert.Equal(IntegrityState.Intact, c.State));
        Assert.False(await restored.Equipment.AnyAsync(e => e.Name == "Added after the backup"));
    }

    [Fact]
    public async Task Restore_IsRefused_WhileTheAppRuns()
    {
        var info = await Host.Services.GetRequiredService<BackupService>().CreateAsync(CancellationToken.None);
        var file = Path.Combine(Host.Services.GetRequiredService<BackupService>().BackupDirectory, info.FileName);
        var output = new StringWriter();

        var code = await BackupRestoreCommand.RunAsync(["restore", file], Configuration(), output, TimeProvider.System);

        Assert.Equal(BackupRestoreCommand.AppRunning, code);
        Assert.Empty(Directory.GetDirectories(_dir.Path, "pre-restore-*"));
        Assert.True(await Host.DbAsync(db => db.Set<MaintenanceSchedule>().AnyAsync()));
    }

    [Fact]
    public async Task Restore_IsRefused_ForAFileThatIsNotASoundDatabase_AndChangesNothing()
    {
        var before = await LiveCountsAsync();
        await Host.DisposeAsync();
        _host = null;
        var garbage = Path.Combine(_dir.Path, "not-a-backup.db");
        await File.WriteAllBytesAsync(garbage, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());
        var output = new StringWriter();

        var code = await BackupRestoreCommand.RunAsync(["restore", garbage], Configuration(), output, TimeProvider.System);

        Assert.Equal(BackupRestoreCommand.VerificationFailed, code);
        Assert.Empty(Directory.GetDirectories(_dir.Path, "pre-restore-*"));
        Assert.Equal(before, await BackupInspector.CountRowsAsync(Path.Combine(_dir.Path, StorageOptions.DatabaseFileName), CancellationToken.None));
    }

    [Fact]
    public async Task NightlyJob_KeepsOnlyTheConfiguredNumberOfBackups()
    {
        for (var i = 0; i < 3; i++)
        {
            await Host.InScopeAsync(sp => sp.GetRequiredService<BackupJob>().RunAsync(CancellationToken.None));
            Host.Time.Advance(TimeSpan.FromDays(1));
        }

        var list = await Host.Services.GetRequiredService<BackupService>().ListAsync();
        Assert.Equal(2, list.Count);
        Assert.Equal(new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc), list[0].CreatedAtUtc);
        Assert.Equal(2, Directory.GetFiles(Host.Services.GetRequiredService<BackupService>().BackupDirectory, "dcops-*.db").Length);
    }

    [Fact]
    public async Task Backup_IsTakenWhileWritesContinue_AndStillVerifies()
    {
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await Host.DbAsync(db =>
                {
                    db.Equipment.Add(new Equipment { Kind = EquipmentKind.Other, Name = $"Load {n++}", Room = "DC room" });
                    return db.SaveChangesAsync();
                });
            }

            return n;
        });

        var info = await Host.Services.GetRequiredService<BackupService>().CreateAsync(CancellationToken.None);
        await stop.CancelAsync();
        var written = await writer;

        Assert.Equal("ok", info.IntegrityCheck);
        Assert.InRange(info.RowCounts["Equipment"], 0, written);
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

    [Fact]
    public async Task Backup_CoversMonitoringDb_AndRestorePutsItsAlarmTrailBack()
    {
        var monitoringFile = Path.Combine(_dir.Path, "monitoring.db");
        var monitoring = new MonitoringDatabase(Options.Create(new MonitoringOptions { DataDirectory = _dir.Path }));
        await AlarmEventsAsync(monitoring, "ups.on_battery", "ups.low_battery");
        var backups = Host.Services.GetRequiredService<BackupService>();

        var info = await backups.CreateAsync(CancellationToken.None);

        var file = Path.Combine(backups.BackupDirectory, info.FileName);
        Assert.NotNull(info.Monitoring);
        Assert.Equal("ok", info.Monitoring.IntegrityCheck);
        Assert.Equal(2, info.Monitoring.RowCounts["alarm_events"]);
        Assert.True(File.Exists(file + MonitoringBackup.Suffix));

        // After the backup the room goes on raising alarms; the restore brings the trail back to the backup's state.
        await AlarmEventsAsync(monitoring, "crac.high_temp");
        await Host.DisposeAsync();
        _host = null;
        SqliteConnection.ClearAllPools();
        var output = new StringWriter();
        var code = await BackupRestoreCommand.RunAsync(["restore", file], Configuration(), output, TimeProvider.System);

        Assert.True(code == BackupRestoreCommand.Restored, output.ToString());
        Assert.Contains(Path.GetFileName(file + MonitoringBackup.Suffix), output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, (await MonitoringBackup.CountAsync(monitoringFile, CancellationToken.None))["alarm_events"]);
    }

    private static async Task AlarmEventsAsync(MonitoringDatabase monitoring, params string[] keys)
    {
        await using var connection = await monitoring.OpenAsync(CancellationToken.None);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO alarm_events (alarm_id, device_id, alarm_key, event, severity, actor, at_utc) VALUES ($id, 'ups-1', $key, 'raised', 'Critical', 'system', 0);";
            command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
            command.Parameters.AddWithValue("$key", key);
            await command.ExecuteNonQueryAsync();
        }
    }

    private Task<IReadOnlyDictionary<string, long>> LiveCountsAsync()
    {
        SqliteConnection.ClearAllPools();
        return BackupInspector.CountRowsAsync(Path.Combine(_dir.Path, StorageOptions.DatabaseFileName), CancellationToken.None);
    }

    private IConfiguration Configuration() =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _dir.Path }).Build();
}
