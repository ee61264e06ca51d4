using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Backup;
using DataCenterOps.Web.Features.Routine.Jobs;
using DataCenterOps.Web.Features.Steps.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>The chains' heads leave the database: in every backup manifest, in the daily digest mail, on the archived report's PDF.</summary>
public sealed class EvidenceAnchoringTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly SmtpSink _smtp = new();
    private RoutineHost _host = null!;
    private RoutineScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _host = await RoutineHost.StartAsync(_dir.Path, smtpPort: _smtp.Port);
        _scenario = await RoutineScenario.CreateAsync(_host);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task DailyDigest_MailsEachChainsHeadToTheSupervisors_OncePerDay()
    {
        await ArchiveOneAsync();
        var heads = await HeadsAsync();

        Assert.True(await _host.InScopeAsync(sp => sp.GetRequiredService<EvidenceDigestJob>().RunAsync(CancellationToken.None)));
        Assert.False(await _host.InScopeAsync(sp => sp.GetRequiredService<EvidenceDigestJob>().RunAsync(CancellationToken.None)));

        var mail = Assert.Single(await _smtp.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains(RoutineScenario.EmailOf("pengawas"), mail.To);
        Assert.EndsWith("intact", mail.Subject, StringComparison.Ordinal);
        var body = mail.Parse().TextBody;
        Assert.Contains($"archive: intact, 1 entries, head #1 {heads[EvidenceChains.Archive].MacPrefix}", body, StringComparison.Ordinal);
        Assert.Contains(heads[EvidenceChains.Audit].Mac, body, StringComparison.Ordinal);
        Assert.Contains("|digest|", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "evidence-anchors.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupManifest_CarriesTheHeads_AndTheAnchorFileRecordsThem()
    {
        await ArchiveOneAsync();
        var heads = await HeadsAsync();
        var backups = _host.Services.GetRequiredService<BackupService>();

        var info = await backups.CreateAsync(CancellationToken.None);

        Assert.Equal(heads.Values.OrderBy(h => h.Chain), info.EvidenceHeads!.OrderBy(h => h.Chain));
        var listed = Assert.Single(await backups.ListAsync());
        Assert.Equal(info.EvidenceHeads!.OrderBy(h => h.Chain), listed.EvidenceHeads!.OrderBy(h => h.Chain));
        Assert.Contains("|backup dcops-", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "evidence-anchors.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchivedReportDocument_CarriesTheArchiveHead_ForItsPdfLine()
    {
        var archived = await ArchiveOneAsync();
        var heads = await HeadsAsync();

        var document = await _host.InScopeAsync(sp => ArchivedReportLoader.LoadAsync(
            sp.GetRequiredService<DataCenterOps.Domain.People.PeopleDirectory>(), sp.GetRequiredService<ArchiveService>(), archived.Id, CancellationToken.None));

        Assert.Equal(IntegrityState.Intact, document!.Integrity.State);
        Assert.Equal(heads[EvidenceChains.Archive], document.ChainHead);
        Assert.Equal($"#1 · {heads[EvidenceChains.Archive].Mac[..12]}", document.ChainHead!.Display);
    }

    private async Task<Dictionary<string, EvidenceHead>> HeadsAsync() =>
        (await _host.DbAsync(db => _host.Services.GetRequiredService<EvidenceServices>().HeadsAsync(db))).ToDictionary(h => h.Chain);

    private async Task<ArchivedReport> ArchiveOneAsync()
    {
        await _scenario.EquipmentAsync(EquipmentKind.Cooling, "CRAC 1");
        var plan = await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.Cooling));
        var scheduleId = await _host.DbAsync(db => db.Set<MaintenanceSchedule>().Where(s => s.Code == "crac-daily").Select(s => s.Id).SingleAsync());
        await _host.InScopeAsync(sp => sp.GetRequiredService<ScheduleJob>().RunAsync(scheduleId, CancellationToken.None));
        await _scenario.PublishAsync(plan);
        await _scenario.CompleteChecklistsAsync(plan);
        return await _scenario.SubmitApproveArchiveAsync(plan);
    }
}
