namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>What opening a database file found: integrity_check result, row counts, archive chain state.</summary>
public sealed record BackupInspection(string IntegrityCheck, IReadOnlyDictionary<string, long> RowCounts, int ArchivedRecords, bool ChainIntact)
{
    public bool IsSound => IntegrityCheck == "ok" && ChainIntact;
}
