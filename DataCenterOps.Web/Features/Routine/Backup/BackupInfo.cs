namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>The manifest written beside each verified backup (<c>name.db.json</c>).</summary>
public sealed record BackupInfo(
    string FileName,
    DateTime CreatedAtUtc,
    long SizeBytes,
    string IntegrityCheck,
    IReadOnlyDictionary<string, long> RowCounts,
    int ArchivedRecords,
    bool ChainIntact);
