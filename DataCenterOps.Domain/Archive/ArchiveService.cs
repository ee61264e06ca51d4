using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Archive;

/// <summary>
/// Step 6: the Pengelola archives the approved Laporan as evidence, hash-chained to the previous record and sealed
/// with the evidence key (HMAC, <see cref="EvidenceSealingInterceptor"/>); every read verifies the keyed seal.
/// </summary>
public sealed class ArchiveService(DataCenterOpsDbContext db, TimeProvider time, EvidenceKey key, AuditLog audit)
{
    public async Task<ArchivedReport> ArchiveAsync(Actor actor, Guid reportId, CancellationToken cancellationToken = default)
    {
        var report = SopGuard.Found(
            await db.MaintenanceReports.Include(r => r.WorkPlan).ThenInclude(p => p!.Letter)
                .FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken),
            "The Laporan");
        var plan = report.WorkPlan!;
        WorkPlanService.RefuseRevoked(plan.Letter!);
        SopGuard.Site(actor, plan.Letter!.SiteId);
        var before = WorkPlanService.Snapshot(plan);
        var transition = SopTransitions.Authorize(plan.State, SopAction.ArchiveReport, actor);
        SopGuard.Person(plan.ManagerId == actor.UserId, SopError.NotNamedOnLetter, "OnlyNamedManagerArchives",
            "Only the Pengelola named on the Surat Tugas may archive its Laporan.");

        var now = time.GetUtcNow().UtcDateTime;
        var content = await ReportContentBuilder.BuildAsync(db, plan.Id, cancellationToken);
        var tip = await db.ArchivedReports.AsNoTracking().OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        var record = new ArchivedReport
        {
            Id = (tip?.Id ?? 0) + 1,
            ReportId = report.Id,
            WorkPlanId = plan.Id,
            LetterNumber = plan.Letter!.Number,
            ArchivedById = actor.UserId,
            ArchivedAtUtc = now,
            CanonicalJson = ReportContentBuilder.Serialize(content),
            PreviousHash = tip?.Hash ?? ArchiveHasher.Genesis,
        };
        record.Hash = ArchiveHasher.Compute(record);
        db.ArchivedReports.Add(record);
        plan.MoveTo(transition.To, now);
        audit.Write(actor, "ReportArchived", nameof(MaintenanceReport), report.Id.ToString(), before,
            new { State = plan.State.ToString(), ArchiveId = record.Id, record.Hash });
        await SopGuard.SaveAsync(db, cancellationToken);
        return record;
    }

    /// <summary>The archived record with its integrity, checked now.</summary>
    public async Task<(ArchivedReport Record, IntegrityResult Integrity)?> ReadAsync(long archiveId, CancellationToken cancellationToken = default)
    {
        var record = await db.ArchivedReports.AsNoTracking().FirstOrDefaultAsync(a => a.Id == archiveId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        return (record, await VerifyAsync(record, cancellationToken));
    }

    public async Task<IntegrityResult> VerifyAsync(ArchivedReport record, CancellationToken cancellationToken = default)
    {
        var results = await VerifyChainAsync(cancellationToken);
        return results.FirstOrDefault(r => r.ArchiveId == record.Id)
            ?? new(record.Id, IntegrityState.Tampered, "The record is not in the archive chain.");
    }

    /// <summary>Verifies every archived record in chain order with the key: a forger can recompute SHA-256, not the seal.</summary>
    public async Task<IReadOnlyList<IntegrityResult>> VerifyChainAsync(CancellationToken cancellationToken = default)
    {
        var chain = await new EvidenceVerifier(db, key).VerifyAsync(EvidenceChains.Archive, anchor: null, cancellationToken);
        return chain.Checks.Select(c => new IntegrityResult(c.Sequence, c.State, Describe(c))).ToList();
    }

    /// <summary>The archive chain's head (newest seal), as printed on every archived report.</summary>
    public Task<EvidenceHead> HeadAsync(CancellationToken cancellationToken = default) =>
        EvidenceSealingInterceptor.TipAsync(db, EvidenceChains.Archive, cancellationToken);

    private static string Describe(EntryCheck check) => check.State switch
    {
        IntegrityState.Intact => "Intact.",
        IntegrityState.Tampered => $"The record does not match its keyed seal ({check.Detail}): it was changed after archiving.",
        _ => $"The link to the previous archived record is missing or wrong ({check.Detail}).",
    };
}
