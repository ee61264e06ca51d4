namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>The monitoring.db part of a backup manifest: its file beside the backup, integrity and alarm-table counts.</summary>
public sealed record MonitoringBackupInfo(string FileName, string IntegrityCheck, IReadOnlyDictionary<string, long> RowCounts);
