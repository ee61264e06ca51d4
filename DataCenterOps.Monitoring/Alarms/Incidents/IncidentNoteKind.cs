namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>What an incident note records beside its alarms' own events.</summary>
public enum IncidentNoteKind
{
    /// <summary>A person's comment on the incident.</summary>
    Comment,

    /// <summary>One of the incident's alarms started flapping (changes state too often).</summary>
    Flapping,
}
