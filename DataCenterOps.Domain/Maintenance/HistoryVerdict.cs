namespace DataCenterOps.Domain.Maintenance;

/// <summary>What monitoring history showed for a verified checklist item.</summary>
public enum HistoryVerdict
{
    /// <summary>The rule was met (answered LULUS).</summary>
    Met,

    /// <summary>Readings were there but the rule was not met (answered GAGAL: a finding is required).</summary>
    NotMet,

    /// <summary>No readings for the window (answered GAGAL: a finding is required).</summary>
    NoData,
}
