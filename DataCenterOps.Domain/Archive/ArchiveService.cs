using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Archive;

/// <summary>
/// Step 6: the Pengelola archives the approved Laporan as evidence, hash-chained to the previous record;
/// every read verifies it.
/// </summary>
public sealed class ArchiveService(DataCenterOpsDbContext db, TimeProvider time)
{
    public async Task<ArchivedReport> ArchiveAsync(Actor actor, Guid reportId, CancellationToken cancellationToken = default)
    {
        var report = SopGuard.Found(
            await db.MaintenanceReports.Include(r => r.WorkPlan).ThenInclude(p => p!.Letter)
                .FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken),
            "The Laporan");
        var plan = report.WorkPlan!;
        WorkPlanService.RefuseRevoked(plan.Letter!);
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
        new AuditLog(db, time).Write(actor, "ReportArchived", nameof(MaintenanceReport), report.Id.ToString(), before,
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
        if (ArchiveHasher.Compute(record) != record.Hash)
        {
            return new(record.Id, IntegrityState.Tampered, "The record does not match its hash: it was changed after archiving.");
        }

        var expectedPrevious = record.Id == 1
            ? ArchiveHasher.Genesis
            : (await db.ArchivedReports.AsNoTracking().Where(a => a.Id == record.Id - 1).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken));
        return expectedPrevious == record.PreviousHash
            ? new(record.Id, IntegrityState.Intact, "Intact.")
            : new(record.Id, IntegrityState.ChainBroken, "The link to the previous archived record is missing or wrong.");
    }

    /// <summary>Verifies every archived record in chain order.</summary>
    public async Task<IReadOnlyList<IntegrityResult>> VerifyChainAsync(CancellationToken cancellationToken = default)
    {
        var records = await db.ArchivedReports.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var results = new List<IntegrityResult>(records.Count);
        var previous = ArchiveHasher.Genesis;
        long expectedId = 1;
        foreach (var record in records)
        {
            if (ArchiveHasher.Compute(record) != record.Hash)
            {
                results.Add(new(record.Id, IntegrityState.Tampered, "The record does not match its hash."));
            }
            else if (record.PreviousHash != previous || record.Id != expectedId)
            {
                results.Add(new(record.Id, IntegrityState.ChainBroken, "The link to the previous archived record is missing or wrong."));
            }
            else
            {
                results.Add(new(record.Id, IntegrityState.Intact, "Intact."));
            }

            previous = record.Hash;
            expectedId = record.Id + 1;
        }

        return results;
    }
}
