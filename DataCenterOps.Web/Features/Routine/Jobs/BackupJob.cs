using DataCenterOps.Web.Features.Routine.Backup;
using Hangfire;

namespace DataCenterOps.Web.Features.Routine.Jobs;

/// <summary>The nightly backup; a failed one is retried a few times and stays visible (dashboard and tile).</summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = new[] { 60, 600, 1800 })]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class BackupJob(BackupService backups)
{
    public async Task RunAsync(CancellationToken cancellationToken) => await backups.CreateAsync(cancellationToken);
}
