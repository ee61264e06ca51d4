using System.Globalization;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// Schedules that read meters instead of the calendar. A meter schedule makes a due check when the equipment's meter has
/// passed a multiple of its interval (the highest one passed); battery health makes one when a UPS's load-normalised
/// runtime of last month lies more than 20 % below its baseline. Each mark (run-hour mark, or month yyyyMM) makes one due
/// check per equipment item, kept by the database's unique key, whatever runs twice or on two nodes; then it is planned
/// as a calendar check is.
/// </summary>
public sealed class MeterDueChecks(DataCenterOpsDbContext db, DueCheckPlanner planner, IMeterReadings meters, TimeProvider time, IOptions<SopOptions> options)
{
    /// <summary>Days a meter-due check has to be done in.</summary>
    public const int DueWithinDays = 30;

    public async Task<PlanningResult> RunAsync(Guid scheduleId, CancellationToken cancellationToken = default)
    {
        var schedule = await db.Set<MaintenanceSchedule>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);
        if (schedule is null || !schedule.Enabled || CadenceCalendar.IsCalendar(schedule.Cadence))
        {
            return new(0, 0, []);
        }

        var equipment = await db.Equipment.AsNoTracking()
            .Where(e => e.Kind == schedule.EquipmentKind && e.MonitoringDeviceId != null)
            .OrderBy(e => e.Name).Select(e => new { e.Id, DeviceId = e.MonitoringDeviceId! }).ToListAsync(cancellationToken);
        int created = 0, planned = 0;
        var unassigned = new List<Guid>();
        foreach (var item in equipment)
        {
            var due = schedule.Cadence == ScheduleCadence.Meter
                ? await MeterMarkAsync(schedule, item.DeviceId, cancellationToken)
                : await BatteryMarkAsync(item.DeviceId, cancellationToken);
            if (due is not { } found)
            {
                continue;
            }

            var (id, isNew) = await EnsureAsync(schedule.Id, item.Id, found.Mark, found.Trigger, cancellationToken);
            if (id is not { } dueCheckId)
            {
                continue;
            }

            created += isNew ? 1 : 0;
            switch (await planner.TryPlaceAsync(dueCheckId, planner.Today, cancellationToken))
            {
                case DueCheckState.Planned:
                    planned += isNew ? 1 : 0;
                    break;
                case DueCheckState.Unassigned when isNew:
                    unassigned.Add(dueCheckId);
                    break;
            }
        }

        return new(created, planned, unassigned);
    }

    /// <summary>A UPS's battery trend month by month over the rollups kept (a year by default).</summary>
    public async Task<IReadOnlyList<BatteryTrendPoint>> BatteryTrendAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var months = await meters.BatteryMonthsAsync(deviceId, now.AddMonths(-13), now, cancellationToken);
        return BatteryHealth.Trend(months);
    }

    private async Task<(long Mark, string Trigger)?> MeterMarkAsync(MaintenanceSchedule schedule, string deviceId, CancellationToken cancellationToken)
    {
        if (schedule.MeterPoint is not { } point || schedule.MeterEvery is not ({ } every and > 0))
        {
            return null;
        }

        var value = await meters.LatestAsync(deviceId, point, cancellationToken);
        if (value is not { } reading || double.IsNaN(reading) || reading < every)
        {
            return null;
        }

        var mark = (long)(Math.Floor(reading / every) * every);
        return (mark, string.Create(CultureInfo.InvariantCulture, $"{point} {reading:0.#} ≥ {mark}"));
    }

    private async Task<(long Mark, string Trigger)?> BatteryMarkAsync(string deviceId, CancellationToken cancellationToken)
    {
        // The month judged is the last complete one, in the SOP's calendar.
        var local = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, options.Value.Zone);
        var last = new DateOnly(local.Year, local.Month, 1).AddMonths(-1);
        var finding = BatteryHealth.Finding(await BatteryTrendAsync(deviceId, cancellationToken), last.Year, last.Month);
        return finding is null
            ? null
            : ((finding.Year * 100L) + finding.Month, string.Create(CultureInfo.InvariantCulture,
                $"battery runtime at load {finding.NormalisedMinutes:0.#} min, {finding.DropPercent:0} % below baseline ({finding.Year:0000}-{finding.Month:00})"));
    }

    private async Task<(Guid? Id, bool IsNew)> EnsureAsync(Guid scheduleId, Guid equipmentId, long mark, string trigger, CancellationToken cancellationToken)
    {
        if (await FindAsync(scheduleId, equipmentId, mark, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var today = planner.Today;
        var check = new DueCheck
        {
            ScheduleId = scheduleId,
            EquipmentId = equipmentId,
            DueDate = today,
            DeadlineDate = today.AddDays(DueWithinDays),
            MeterMark = mark,
            Trigger = trigger,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        // Another run (or node) may insert this mark first; or a check of this schedule was made today already.
        return await planner.InsertOnceAsync(check, ct => FindAsync(scheduleId, equipmentId, mark, ct), cancellationToken);
    }

    private async Task<Guid?> FindAsync(Guid scheduleId, Guid equipmentId, long mark, CancellationToken cancellationToken) =>
        await db.Set<DueCheck>()
            .Where(d => d.ScheduleId == scheduleId && d.EquipmentId == equipmentId && d.MeterMark == mark)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
}
