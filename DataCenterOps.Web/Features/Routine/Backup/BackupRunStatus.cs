namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>The last backup attempt, success or not (<c>last-run.json</c> in the backup folder).</summary>
public sealed record BackupRunStatus(DateTime AtUtc, bool Succeeded, string? FileName, string? Error);
