using DataCenterOps.Domain.Evidence;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>
/// The manifest written beside each verified backup (<c>name.db.json</c>). <see cref="EvidenceHeads"/> anchors the keyed
/// chains outside the database: sequence and seal of each chain's head in this backup (null in manifests from before).
/// <see cref="Monitoring"/> is the monitoring.db copy beside it (null when there was none, or in older manifests).
/// </summary>
public sealed record BackupInfo(
    string FileName,
    DateTime CreatedAtUtc,
    long SizeBytes,
    string IntegrityCheck,
    IReadOnlyDictionary<string, long> RowCounts,
    int ArchivedRecords,
    bool ChainIntact,
    IReadOnlyList<EvidenceHead>? EvidenceHeads = null,
    MonitoringBackupInfo? Monitoring = null);
