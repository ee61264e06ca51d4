namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// Stored incidents for screens and reports: the list, one incident with its alarms and timeline (their raised,
/// severity, acknowledged and cleared events from the alarm audit trail, flapping marks and comments), and comments
/// people add. The notification monitor records what the engine groups (<see cref="RecordAsync"/>).
/// </summary>
public sealed class IncidentService
{
    /// <summary>The longest comment kept (longer ones are refused).</summary>
    public const int MaxCommentLength = 1000;

    private readonly IIncidentStore _store;
    private readonly AlarmService _alarms;
    private readonly TimeProvider _time;

    internal IncidentService(IIncidentStore store, AlarmService alarms, TimeProvider time)
    {
        _store = store;
        _alarms = alarms;
        _time = time;
    }

    public Task<IReadOnlyList<IncidentSummary>> ListAsync(IncidentFilter filter, CancellationToken cancellationToken) =>
        _store.ListAsync(filter, cancellationToken);

    /// <summary>One incident with its alarms and timeline (oldest first); null when there is none with this id.</summary>
    public async Task<IncidentDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await _store.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } summary)
        {
            return null;
        }

        var ids = await _store.AlarmIdsAsync(id, cancellationToken).ConfigureAwait(false);
        // Every alarm of an incident was raised while it was open: its period bounds the history read.
        var history = await _alarms.GetHistoryAsync(
            new AlarmHistoryFilter(From: summary.OpenedAt.AddSeconds(-1), To: summary.ClosedAt?.AddSeconds(1), Limit: 10_000), cancellationToken).ConfigureAwait(false);
        var byId = history.ToDictionary(a => a.Id);
        var alarms = ids.Select(i => byId.GetValueOrDefault(i)).OfType<Alarm>().ToList();

        var timeline = new List<IncidentTimelineEntry>();
        foreach (var alarm in alarms)
        {
            foreach (var e in await _alarms.GetEventsAsync(alarm.Id, cancellationToken).ConfigureAwait(false))
            {
                var kind = e.Kind switch
                {
                    AlarmEventKind.Raised => IncidentTimelineKind.Raised,
                    AlarmEventKind.SeverityChanged => IncidentTimelineKind.SeverityChanged,
                    AlarmEventKind.Acknowledged => IncidentTimelineKind.Acknowledged,
                    _ => IncidentTimelineKind.Cleared,
                };
                var person = e.Actor == AlarmService.SystemActor ? null : e.Actor;
                var name = kind == IncidentTimelineKind.Acknowledged && e.Actor == alarm.AcknowledgedBy ? alarm.AcknowledgedByName : null;
                timeline.Add(new IncidentTimelineEntry(e.At, kind, alarm, e.Severity, person, name, e.Comment));
            }
        }

        foreach (var note in await _store.NotesAsync(id, cancellationToken).ConfigureAwait(false))
        {
            var alarm = note.AlarmId is { } alarmId ? alarms.FirstOrDefault(a => a.Id == alarmId) : null;
            timeline.Add(note.Kind == IncidentNoteKind.Flapping
                ? new IncidentTimelineEntry(note.At, IncidentTimelineKind.Flapping, alarm, alarm?.Severity, null, null, null)
                : new IncidentTimelineEntry(note.At, IncidentTimelineKind.Comment, null, null, note.Actor, note.ActorName, note.Text));
        }

        return new IncidentDetail(summary, alarms, [.. timeline.OrderBy(t => t.At)]);
    }

    /// <summary>Adds a person's comment to an incident (<paramref name="user"/> the account, <paramref name="displayName"/> the name shown).</summary>
    /// <exception cref="AlarmOperationException">No words, too many, or no such incident.</exception>
    public async Task<IncidentNote> AddCommentAsync(Guid id, string user, string displayName, string? comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        var text = comment?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new AlarmOperationException("A comment needs some words.", "IncidentCommentRequired");
        }

        if (text.Length > MaxCommentLength)
        {
            throw new AlarmOperationException($"A comment has at most {MaxCommentLength} characters.", "IncidentCommentTooLong");
        }

        if (await _store.FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new AlarmOperationException("There is no such incident.", "IncidentNotFound");
        }

        var note = new IncidentNote(id, IncidentNoteKind.Comment, _time.GetUtcNow(), user, displayName.Trim(), text);
        await _store.AddNoteAsync(note, cancellationToken).ConfigureAwait(false);
        return note;
    }

    /// <summary>Stores what the notification engine changed in incidents, in order.</summary>
    internal async Task RecordAsync(IncidentJournal journal, CancellationToken cancellationToken)
    {
        foreach (var incident in journal.Incidents)
        {
            await _store.SaveAsync(incident, cancellationToken).ConfigureAwait(false);
        }

        foreach (var note in journal.Notes)
        {
            await _store.AddNoteAsync(note, cancellationToken).ConfigureAwait(false);
        }
    }
}
