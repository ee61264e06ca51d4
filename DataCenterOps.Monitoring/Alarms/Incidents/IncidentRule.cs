namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// Data: an alarm matching one of <see cref="Parents"/> opens an incident of this rule (on any device); while it is
/// open, alarms matching <see cref="Parents"/> or <see cref="Children"/> join it. A pattern is an alarm key, or a
/// prefix ending in <c>*</c> (<c>genset.alarm.*</c>).
/// </summary>
public sealed record IncidentRule(string Name, string Category, IReadOnlyList<string> Parents, IReadOnlyList<string> Children)
{
    public bool IsParent(string key) => Parents.Any(p => Matches(p, key));

    public bool Groups(string key) => IsParent(key) || Children.Any(p => Matches(p, key));

    private static bool Matches(string pattern, string key) => pattern.EndsWith('*')
        ? key.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
        : string.Equals(pattern, key, StringComparison.Ordinal);
}
