using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// The evidence pack's reads for those who answer for the records (Pengawas and Administrator), and the audit entry
/// that records each pack handed out (who, which period, how many files, the manifest's SHA-256).
/// </summary>
public sealed class EvidencePackQueries(DataCenterOpsDbContext db, AuditLog audit, EvidenceServices evidence)
{
    public const string ExportedAction = "EvidencePackExported";

    /// <summary>Letters issued, plans published and reports archived in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public async Task<EvidencePackContents> ContentsAsync(Actor actor, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        RequireReader(actor);
        var letters = await db.AssignmentLetters.AsNoTracking()
            .Where(l => l.IssuedAtUtc != null && l.IssuedAtUtc >= fromUtc && l.IssuedAtUtc < toUtc)
            .OrderBy(l => l.IssuedAtUtc).Select(l => l.Id).ToListAsync(cancellationToken);
        var plans = await db.WorkPlans.AsNoTracking()
            .Where(p => p.PublishedAtUtc != null && p.PublishedAtUtc >= fromUtc && p.PublishedAtUtc < toUtc)
            .OrderBy(p => p.PublishedAtUtc).Select(p => p.Id).ToListAsync(cancellationToken);
        var archives = await db.ArchivedReports.AsNoTracking()
            .Where(a => a.ArchivedAtUtc >= fromUtc && a.ArchivedAtUtc < toUtc)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        return new EvidencePackContents(letters, plans, archives, await evidence.HeadsAsync(db, cancellationToken));
    }

    /// <summary>Records a pack handed out, in the audit trail (itself chained).</summary>
    public async Task RecordExportAsync(Actor actor, DateTime fromUtc, DateTime toUtc, int files, string manifestSha256, CancellationToken cancellationToken = default)
    {
        RequireReader(actor);
        audit.Write(actor, ExportedAction, "EvidencePack", manifestSha256, null, new { FromUtc = fromUtc, ToUtc = toUtc, Files = files, ManifestSha256 = manifestSha256 });
        await SopGuard.SaveAsync(db, cancellationToken);
    }

    private static void RequireReader(Actor actor) =>
        SopGuard.Person(actor.IsIn(Roles.Supervisor) || actor.IsIn(Roles.Administrator), SopError.WrongRole, "EvidencePackNeedsRole",
            "An evidence pack needs the role Pengawas or Administrator.");
}
