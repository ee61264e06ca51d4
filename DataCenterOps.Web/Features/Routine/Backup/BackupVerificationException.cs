namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>A backup (or a file offered for restore) failed verification; the message says what.</summary>
public sealed class BackupVerificationException(string message) : Exception(message);
