using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Web.Features.Room.Components;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Room;

/// <summary>An incident in the reader's language, the same on the page and in its PDF.</summary>
public static class IncidentText
{
    /// <summary>The rule's name ("Gangguan listrik PLN"), or the rule's key when it has no text.</summary>
    public static string Title(IStringLocalizer<Ui> l, string rule)
    {
        ArgumentNullException.ThrowIfNull(l);
        var text = l["Room.Incident.Rule." + rule];
        return text.ResourceNotFound ? rule : text.Value;
    }

    public static string State(IStringLocalizer<Ui> l, IncidentState state) => l["Room.Incident.State." + state];

    /// <summary>How long it lasted, or "still open" with its age.</summary>
    public static string Duration(IStringLocalizer<Ui> l, IncidentSummary incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Duration is { } lasted
            ? RoomFormat.Age(l, lasted)
            : l["Room.Incident.StillOpen", RoomFormat.Age(l, now - incident.OpenedAt)];
    }

    /// <summary>What one timeline line says happened.</summary>
    public static string Kind(IStringLocalizer<Ui> l, IncidentTimelineKind kind) => l["Room.Incident.Event." + kind];
}
