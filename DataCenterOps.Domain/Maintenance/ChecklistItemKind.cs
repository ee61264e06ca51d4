namespace DataCenterOps.Domain.Maintenance;

public enum ChecklistItemKind
{
    /// <summary>Pass, fail or not applicable.</summary>
    PassFail,
    /// <summary>A number with a unit and an acceptable range; out of range is flagged, not refused.</summary>
    Reading,
    Text,
    /// <summary>A photo reference; always optional.</summary>
    Photo,
}
