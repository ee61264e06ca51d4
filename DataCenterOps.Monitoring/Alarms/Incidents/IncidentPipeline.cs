using Microsoft.Extensions.Logging;

namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// The engine between the alarm changes and the incident store, as the notification monitor runs it: before a raise
/// the store's open incident of the alarm's rule and site is taken in (or opened, one per rule and site whichever node
/// gets there first), after each change what the engine grouped is stored, and an incident's opened, resolved and
/// escalated notices go out only from the node that claims them in the store (once across nodes and restarts). At start
/// the store's open incidents are continued. When the store fails, the engine's own grouping and notices stand.
/// </summary>
internal sealed partial class IncidentPipeline(
    AlarmNotificationEngine engine, IIncidentStore store, IncidentService incidents, ILogger<IncidentPipeline> logger)
{
    /// <summary>
    /// Continues the store's open incidents with the alarms active now; one whose alarms all cleared while no node
    /// watched is closed at once. Returns the notices to send (that closing).
    /// </summary>
    public async Task<IReadOnlyList<AlarmNotice>> RestoreAsync(IReadOnlyList<Alarm> active, CancellationToken cancellationToken)
    {
        try
        {
            var open = await store.LoadOpenAsync(cancellationToken).ConfigureAwait(false);
            engine.Restore(open, active);
            LogRestored(open.Count);
            return await SettleAsync([], cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Without the store the engine starts empty, as before; alarms are unaffected.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogStoreFailed("restore", ex);
            return [];
        }
    }

    /// <summary>Feeds one stored alarm change to the engine; returns the notices this node sends.</summary>
    public async Task<IReadOnlyList<AlarmNotice>> OnChangeAsync(AlarmChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Event.Kind == AlarmEventKind.Raised)
        {
            await JoinSharedAsync(change, cancellationToken).ConfigureAwait(false);
        }

        return await SettleAsync(engine.OnChange(change), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ticks the engine; returns the notices this node sends.</summary>
    public Task<IReadOnlyList<AlarmNotice>> TickAsync(CancellationToken cancellationToken) => SettleAsync(engine.Tick(), cancellationToken);

    private async Task JoinSharedAsync(AlarmChange change, CancellationToken cancellationToken)
    {
        var alarm = change.Alarm;
        var grouping = engine.Rules.Where(r => r.Groups(alarm.Key)).ToList();
        if (grouping.Count == 0)
        {
            return;
        }

        try
        {
            var site = engine.SiteOf(alarm.DeviceId);
            SharedIncident? shared = null;
            foreach (var rule in grouping)
            {
                shared ??= await store.FindOpenAsync(rule.Name, site, cancellationToken).ConfigureAwait(false);
            }

            if (shared is null && engine.Rules.FirstOrDefault(r => r.IsParent(alarm.Key)) is { } parent)
            {
                var at = change.Event.At;
                var candidate = new Incident(Guid.CreateVersion7(at), parent.Name, parent.Category, at, null, alarm.Severity, []) { Site = site };
                shared = await store.OpenOrJoinAsync(candidate, cancellationToken).ConfigureAwait(false);
            }

            engine.UseShared(site, grouping, shared);
        }
#pragma warning disable CA1031 // The engine groups on its own then, as on one node.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogStoreFailed("join", ex);
        }
    }

    private async Task<IReadOnlyList<AlarmNotice>> SettleAsync(IReadOnlyList<AlarmNotice> notices, CancellationToken cancellationToken)
    {
        var journal = engine.DrainIncidentChanges();
        if (journal.IsEmpty && !notices.Any(IsClaimed))
        {
            return notices;
        }

        try
        {
            // The incident is stored before its notice goes out, so a link in the message finds it.
            await incidents.RecordAsync(journal, cancellationToken).ConfigureAwait(false);
            var result = notices.ToList();
            foreach (var closing in journal.Incidents.Where(i => i.ClosedAt is not null).DistinctBy(i => i.Id))
            {
                var stored = await store.FindSharedAsync(closing.Id, cancellationToken).ConfigureAwait(false);
                var resolved = result.FindIndex(n => n.Kind == AlarmNoticeKind.IncidentResolved && n.Incident?.Id == closing.Id);
                if (stored?.ClosedAt is null)
                {
                    // Another node's alarms of it are still active: that node closes it and says so.
                    if (resolved >= 0)
                    {
                        result.RemoveAt(resolved);
                    }
                }
                else if (resolved < 0 && stored.OpeningNotified && engine.SendsRecovery)
                {
                    // Another node (or this one before a restart) sent the opening; the closing falls to this one.
                    var alarms = closing.Alarms.Count > 0
                        ? closing.Alarms
                        : (await incidents.GetAsync(closing.Id, cancellationToken).ConfigureAwait(false))?.Alarms ?? [];
                    if (alarms.Count > 0)
                    {
                        var incident = closing with { Alarms = alarms, Severity = alarms.Max(a => a.Severity) };
                        result.Add(new AlarmNotice($"incident:{closing.Id:N}:resolved", AlarmNoticeKind.IncidentResolved, incident.Severity, closing.ClosedAt!.Value, alarms, incident));
                    }
                }
            }

            var sent = new List<AlarmNotice>(result.Count);
            foreach (var notice in result)
            {
                if (!IsClaimed(notice) || await store.ClaimNoticeAsync(notice.Incident!.Id, notice.Kind, cancellationToken).ConfigureAwait(false))
                {
                    sent.Add(notice);
                }
            }

            return sent;
        }
#pragma warning disable CA1031 // A store that fails must not stop the notifications; the alarms themselves are stored.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogIncidentStoreFailed(journal.Incidents.Count, journal.Notes.Count, ex);
            return notices;
        }
    }

    private static bool IsClaimed(AlarmNotice notice) =>
        notice.Incident is not null && notice.Kind is AlarmNoticeKind.IncidentOpened or AlarmNoticeKind.IncidentResolved or AlarmNoticeKind.Escalated;

    [LoggerMessage(Level = LogLevel.Information, Message = "Continuing {Count} open incidents from the store")]
    private partial void LogRestored(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Incident store failed ({Step}); the engine groups on its own")]
    private partial void LogStoreFailed(string step, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Incident store failed ({Incidents} incident changes, {Notes} notes not stored)")]
    private partial void LogIncidentStoreFailed(int incidents, int notes, Exception exception);
}
