using System.Globalization;
using System.Threading.Channels;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Access;

/// <summary>
/// Cross-checks the door sensor against the register: a door opening with no entry or exit registered within
/// Access:DoorCorrelationWindow (either side) at the door's own site is unregistered access (an entry at another site's
/// room does not count); a door open past Access:DoorHeldOpenLimit is held open; anyone registered inside a site's room
/// outside Access:WorkingHours, in the site's time zone (Access:TimeZone when it has none), is flagged for that site.
/// Singleton; the worker feeds it.
/// Openings are kept in the database (<see cref="DoorOpening"/>), so one still open or not yet checked when the app
/// stops is picked up again when it starts; so are the alarms it raised (<see cref="RaisedAccessAlarm"/>), so the next
/// process clears them when their condition ends and does not raise them twice.
/// </summary>
public sealed partial class DoorCorrelationService(
    IDbContextFactory<DataCenterOpsDbContext> dbFactory,
    TimeProvider time,
    IOptions<AccessOptions> options,
    IEnumerable<IAccessAlarmSink> sinks,
    AuditLogFactory audits,
    ILogger<DoorCorrelationService> logger)
{
    private readonly Channel<DoorEvent> _posted = Channel.CreateBounded<DoorEvent>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, DoorOpening> _open = new(StringComparer.Ordinal);
    private readonly List<DoorOpening> _awaitingRegistration = [];
    private bool _loaded;

    // What the database holds raised (RaisedAccessAlarms), as this process announced it to its sinks.
    private readonly Dictionary<(string Source, string Key), AccessAlarm> _raised = [];
    private readonly IAccessAlarmSink[] _sinks = [.. sinks];

    /// <summary>Queues a door change without waiting: safe to call from the monitoring live-state thread.</summary>
    public bool Post(DoorEvent doorEvent) => _posted.Writer.TryWrite(doorEvent);

    /// <summary>What <see cref="Post"/> queued, for the worker.</summary>
    public IAsyncEnumerable<DoorEvent> ReadPostedAsync(CancellationToken cancellationToken) => _posted.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Alarms this service holds raised now.</summary>
    public IReadOnlyCollection<(string Source, string Key)> Raised
    {
        get
        {
            lock (_raised)
            {
                return [.. _raised.Keys];
            }
        }
    }

    public async Task HandleAsync(DoorEvent doorEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doorEvent);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await LoadPendingAsync(db, cancellationToken);
            if (doorEvent.Open)
            {
                // A repeated "open" while already open (or still open from before a restart) is the same opening.
                if (!_open.ContainsKey(doorEvent.DeviceId))
                {
                    var opening = new DoorOpening { DeviceId = doorEvent.DeviceId, SiteId = doorEvent.SiteId, OpenedAtUtc = doorEvent.AtUtc };
                    db.Set<DoorOpening>().Add(opening);
                    await db.SaveChangesAsync(cancellationToken);
                    _open.Add(doorEvent.DeviceId, opening);
                    _awaitingRegistration.Add(opening);
                }
            }
            else if (_open.Remove(doorEvent.DeviceId, out var opening))
            {
                db.Attach(opening);
                opening.ClosedAtUtc = doorEvent.AtUtc;
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(opening).State = EntityState.Detached;
                await ClearAsync(db, doorEvent.DeviceId, AccessAlarmKeys.DoorHeldOpen, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs the three checks at the current time; the worker calls it every Access:EvaluationInterval.</summary>
    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var settings = options.Value;
            var window = settings.DoorCorrelationWindow;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await LoadPendingAsync(db, cancellationToken);
            var sites = await db.Sites.AsNoTracking().ToListAsync(cancellationToken);
            if (!sites.Exists(site => site.IsDefault))
            {
                sites.Add(new Site { Id = Site.DefaultId, Code = SitesOptions.DefaultCode, TimeZone = "" }); // not synchronised yet
            }

            var zones = sites.ToDictionary(site => site.Id, site => settings.ZoneOf(site.TimeZone));
            var rooms = sites.ToDictionary(site => site.Id, AccessAlarmKeys.RoomSourceOf);
            var entries = db.Set<AccessEntry>().AsNoTracking().Where(e => e.Status != AccessEntryStatus.Voided);
            foreach (var opening in _awaitingRegistration.Where(o => now >= o.OpenedAtUtc + window).ToList())
            {
                var from = opening.OpenedAtUtc - window;
                var to = opening.OpenedAtUtc + window;
                var site = opening.SiteId;
                var registered = await entries.AnyAsync(
                    e => e.SiteId == site && ((e.InAtUtc >= from && e.InAtUtc <= to) || (e.OutAtUtc >= from && e.OutAtUtc <= to)), cancellationToken);
                // Checked and, if unregistered, raised in one save: a restart in between neither loses nor repeats the alarm.
                db.Attach(opening);
                opening.CheckedAtUtc = now;
                opening.Registered = registered;
                if (!registered)
                {
                    await RaiseAsync(db, new AccessAlarm(opening.DeviceId, AccessAlarmKeys.UnregisteredAccess, AccessAlarmSeverity.Critical,
                        $"Door {opening.DeviceId} opened at {Local(opening.OpenedAtUtc, ZoneOf(zones, site, settings))} with no entry or exit registered within {window.TotalMinutes:0.#} min.", now)
                    { SiteId = site, RoomSource = RoomOf(rooms, site) }, cancellationToken);
                }

                // Nothing left when raising saved it; a registered opening, or one whose door's alarm is up already, here.
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(opening).State = EntityState.Detached;
                _awaitingRegistration.Remove(opening);
            }

            foreach (var opening in _open.Values.Where(o => now - o.OpenedAtUtc >= settings.DoorHeldOpenLimit).ToList())
            {
                await RaiseAsync(db, new AccessAlarm(opening.DeviceId, AccessAlarmKeys.DoorHeldOpen, AccessAlarmSeverity.Warning,
                    $"Door {opening.DeviceId} open since {Local(opening.OpenedAtUtc, ZoneOf(zones, opening.SiteId, settings))}, longer than {settings.DoorHeldOpenLimit.TotalMinutes:0.#} min.", now)
                { SiteId = opening.SiteId, RoomSource = RoomOf(rooms, opening.SiteId) }, cancellationToken);
            }

            // Each site's room on its own: who is inside there, against working hours in that site's zone.
            var insideBySite = await db.Set<AccessEntry>().Where(e => e.Status == AccessEntryStatus.Inside)
                .GroupBy(e => e.SiteId).Select(g => new { SiteId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var onCancelledBySite = await InsideOnCancelledPermits(db)
                .GroupBy(e => e.SiteId).Select(g => new { SiteId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            foreach (var site in sites)
            {
                var source = AccessAlarmKeys.RoomSourceOf(site);
                var inside = insideBySite.FirstOrDefault(i => i.SiteId == site.Id)?.Count ?? 0;
                if (inside > 0 && !settings.IsWorkingTime(now, zones[site.Id]))
                {
                    await RaiseAsync(db, new AccessAlarm(source, AccessAlarmKeys.AfterHours, AccessAlarmSeverity.Warning,
                        $"{inside} person(s) still registered inside the DC room of {site.Code} after working hours ({settings.WorkingHours} {zones[site.Id].Id}).", now)
                    { SiteId = site.Id, RoomSource = source }, cancellationToken);
                }
                else
                {
                    await ClearAsync(db, source, AccessAlarmKeys.AfterHours, cancellationToken);
                }

                // A cancelled permit admits nobody new; those still inside on it are flagged until the guard records their exit.
                var onCancelled = onCancelledBySite.FirstOrDefault(i => i.SiteId == site.Id)?.Count ?? 0;
                if (onCancelled > 0)
                {
                    await RaiseAsync(db, new AccessAlarm(source, AccessAlarmKeys.PermitCancelledInside, AccessAlarmSeverity.Warning,
                        $"Visit permit cancelled while {onCancelled} person(s) inside the DC room of {site.Code}: record their exit.", now)
                    { SiteId = site.Id, RoomSource = source }, cancellationToken);
                }
                else
                {
                    await ClearAsync(db, source, AccessAlarmKeys.PermitCancelledInside, cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// An Operator or Supervisor explains an unregistered opening (e.g. registered late); audited, and the alarm clears.
    /// The opening is the door's latest unregistered one; it must be at <paramref name="siteId"/> (the screen's site),
    /// a site the actor's roles reach: a door of another site's room is refused (<c>DoorOtherSite</c>, <c>OtherSite</c>).
    /// </summary>
    public async Task ResolveUnregisteredAsync(Actor actor, string deviceId, Guid siteId, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        AccessGuard.Role(AccessRoles.CanRead(actor), "Resolving an unregistered-access alarm", AccessRoles.Readers);
        var text = AccessGuard.Text(note, 1000, "Note");
        var source = AccessGuard.Text(deviceId, 64, "Door");
        AccessGuard.Site(actor, siteId);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var opening = AccessGuard.Found(
                await db.Set<DoorOpening>().AsNoTracking().Where(o => o.DeviceId == source && o.Registered == false)
                    .OrderByDescending(o => o.Id).FirstOrDefaultAsync(cancellationToken),
                "The unregistered door opening");
            if (opening.SiteId != siteId)
            {
                throw new AccessRuleViolationException(AccessError.OtherSite, $"Door {source} is at another site's DC room than this one.", "DoorOtherSite", source);
            }

            // A singleton with its own short-lived context: the audit entry belongs to that context.
            audits.For(db).Write(actor, "UnregisteredAccessResolved", "Door", source, null, new { Note = text, OpeningId = opening.Id, opening.SiteId, opening.OpenedAtUtc });
            await db.SaveChangesAsync(cancellationToken);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Resolved before this process checked anything: what the previous one raised is loaded first.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await LoadPendingAsync(db, cancellationToken);
            await ClearAsync(db, source, AccessAlarmKeys.UnregisteredAccess, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The entries still inside on a tenant's visit permit that has been cancelled.</summary>
    private static IQueryable<AccessEntry> InsideOnCancelledPermits(DataCenterOpsDbContext db) =>
        from e in db.Set<AccessEntry>()
        join v in db.TenantVisits on e.Id equals v.EntryId
        where e.Status == AccessEntryStatus.Inside && db.Set<Tenants.VisitPermitCancellation>().Any(c => c.PermitId == v.PermitId)
        select e;

    /// <summary>
    /// Once per process: the openings still open or not yet checked, and the alarms raised, as the database holds them.
    /// The alarms are announced to the sinks again: the register's board starts empty; the room's alarms (loaded from
    /// their own store) already hold them, so they are not raised there a second time.
    /// </summary>
    private async Task LoadPendingAsync(DataCenterOpsDbContext db, CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        var pending = await db.Set<DoorOpening>().AsNoTracking()
            .Where(o => o.ClosedAtUtc == null || o.CheckedAtUtc == null).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        foreach (var opening in pending)
        {
            if (opening.ClosedAtUtc is null)
            {
                _open[opening.DeviceId] = opening;
            }

            if (opening.CheckedAtUtc is null)
            {
                _awaitingRegistration.Add(opening);
            }
        }

        var asOfUtc = time.GetUtcNow().UtcDateTime;
        var raised = await db.Set<RaisedAccessAlarm>().AsNoTracking().ToListAsync(cancellationToken);
        _loaded = true;
        if (pending.Count > 0 || raised.Count > 0)
        {
            LogRestored(logger, pending.Count, raised.Count);
        }

        AccessAlarm[] held = [.. raised.Select(r => r.ToAlarm())];
        foreach (var alarm in held)
        {
            lock (_raised)
            {
                _raised[(alarm.Source, alarm.Key)] = alarm;
            }

            await AnnounceAsync(alarm, cancellationToken);
        }

        await ToEverySinkAsync(sink => sink.ReconcileAsync(held, asOfUtc, cancellationToken));
    }

    /// <summary>Raises the alarm unless held raised already: stored first (with what else <paramref name="db"/> has pending), then announced.</summary>
    private async Task RaiseAsync(DataCenterOpsDbContext db, AccessAlarm alarm, CancellationToken cancellationToken)
    {
        lock (_raised)
        {
            if (_raised.ContainsKey((alarm.Source, alarm.Key)))
            {
                return;
            }
        }

        var row = db.Set<RaisedAccessAlarm>().Add(RaisedAccessAlarm.Of(alarm));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // On a shared database another node's cross-check may have raised it first: this one follows that.
            row.State = EntityState.Detached;
            if (!await db.Set<RaisedAccessAlarm>().AnyAsync(a => a.Source == alarm.Source && a.Key == alarm.Key, cancellationToken))
            {
                throw;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        lock (_raised)
        {
            _raised[(alarm.Source, alarm.Key)] = alarm;
        }

        LogRaised(logger, alarm.Source, alarm.Key, alarm.Message);
        await AnnounceAsync(alarm, cancellationToken);
    }

    private Task AnnounceAsync(AccessAlarm alarm, CancellationToken cancellationToken) =>
        ToEverySinkAsync(sink => sink.RaiseAsync(alarm, cancellationToken));

    // One sink failing (the room's alarms, the register's board) must not keep the others from hearing it.
    private async Task ToEverySinkAsync(Func<IAccessAlarmSink, Task> call)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                await call(sink);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSinkFailed(logger, sink.GetType().Name, ex);
            }
        }
    }

    /// <summary>Clears the alarm if held raised: removed from the database, then from the sinks.</summary>
    private async Task ClearAsync(DataCenterOpsDbContext db, string source, string key, CancellationToken cancellationToken)
    {
        AccessAlarm? raised;
        lock (_raised)
        {
            if (!_raised.TryGetValue((source, key), out raised))
            {
                return;
            }
        }

        await db.Set<RaisedAccessAlarm>().Where(a => a.Source == source && a.Key == key).ExecuteDeleteAsync(cancellationToken);
        lock (_raised)
        {
            _raised.Remove((source, key));
        }

        await ToEverySinkAsync(sink => sink.ClearAsync(raised, cancellationToken));
    }

    private static string RoomOf(Dictionary<Guid, string> rooms, Guid siteId) =>
        rooms.TryGetValue(siteId, out var room) ? room : AccessAlarmKeys.RoomSource;

    private static TimeZoneInfo ZoneOf(Dictionary<Guid, TimeZoneInfo> zones, Guid siteId, AccessOptions settings) =>
        zones.TryGetValue(siteId, out var zone) ? zone : settings.Zone;

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access alarm {Key} on {Source}: {Message}")]
    private static partial void LogRaised(ILogger logger, string source, string key, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Door cross-check resumed {Count} door opening(s) still open or unchecked and {Alarms} access alarm(s) raised from before the restart.")]
    private static partial void LogRestored(ILogger logger, int count, int alarms);

    [LoggerMessage(Level = LogLevel.Error, Message = "Access alarm sink {Sink} failed.")]
    private static partial void LogSinkFailed(ILogger logger, string sink, Exception exception);
}
