using DataCenterOps.Domain.Evidence;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>
/// What opening a database file found: integrity_check result, row counts, the archive chain verified with the evidence
/// key (<see cref="ChainIntact"/>), every keyed chain (<see cref="Evidence"/>) and their heads.
/// </summary>
public sealed record BackupInspection(
    string IntegrityCheck, IReadOnlyDictionary<string, long> RowCounts, int ArchivedRecords, bool ChainIntact, IReadOnlyList<ChainVerification> Evidence)
{
    public bool EvidenceIntact => Evidence.All(c => c.IsIntact);

    public bool IsSound => IntegrityCheck == "ok" && ChainIntact && EvidenceIntact;

    public IReadOnlyList<EvidenceHead> Heads => Evidence.Select(c => c.Head).ToList();
}
