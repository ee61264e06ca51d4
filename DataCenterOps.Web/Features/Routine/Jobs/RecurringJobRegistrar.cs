using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Domain.Workflow;
using Hangfire;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Jobs;

/// <summary>
/// Registers the recurring jobs: one per enabled schedule (at the start of each period, Sop:TimeZone) plus the SLA,
/// sweep, backup and retention jobs. Called at start and after the Pengelola edits a schedule. Arguments are ids only.
/// </summary>
public sealed class RecurringJobRegistrar(
    IRecurringJobManager jobs, RoutineQueries routineQueries, IOptions<SopOptions> sop, IOptions<RoutineOptions> routine, IOptions<BackupOptions> backup)
{
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var options = new RecurringJobOptions { TimeZone = sop.Value.Zone };
        foreach (var schedule in await routineQueries.SchedulesAsync(cancellationToken))
        {
            var id = RoutineJobIds.Schedule(schedule.Code);
            if (schedule.Enabled)
            {
                var scheduleId = schedule.Id;
                jobs.AddOrUpdate<ScheduleJob>(id, j => j.RunAsync(scheduleId, CancellationToken.None), CadenceCalendar.CronOf(schedule.Cadence), options);
            }
            else
            {
                jobs.RemoveIfExists(id);
            }
        }

        jobs.AddOrUpdate<SlaJob>(RoutineJobIds.Sla, j => j.RunAsync(CancellationToken.None), routine.Value.SlaCron, options);
        jobs.AddOrUpdate<SweepJob>(RoutineJobIds.Sweep, j => j.RunAsync(CancellationToken.None), routine.Value.SweepCron, options);
        jobs.AddOrUpdate<BackupJob>(RoutineJobIds.Backup, j => j.RunAsync(CancellationToken.None), backup.Value.Cron, options);
        jobs.AddOrUpdate<RetentionJob>(RoutineJobIds.Retention, j => j.RunAsync(CancellationToken.None), routine.Value.RetentionCron, options);
        jobs.AddOrUpdate<EvidenceDigestJob>(RoutineJobIds.EvidenceDigest, j => j.RunAsync(CancellationToken.None), routine.Value.EvidenceDigestCron, options);
        jobs.AddOrUpdate<QualificationExpiryJob>(RoutineJobIds.QualificationExpiry, j => j.RunAsync(CancellationToken.None), routine.Value.QualificationExpiryCron, options);
    }
}
