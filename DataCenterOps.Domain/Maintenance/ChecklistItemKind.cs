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
    /// <summary>
    /// Verified from monitoring history: the item names a <see cref="ChecklistTemplateItem.HistoryRule"/> (<see cref="HistoryRules"/>);
    /// the Pemeriksa sees the evidence and confirms it, and the answer stores it (met = LULUS, not met or no data = GAGAL).
    /// </summary>
    Verified,
}
