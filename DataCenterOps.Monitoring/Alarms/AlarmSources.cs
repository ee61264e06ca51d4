namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Sources of alarms that are no polled device (<see cref="AlarmService.SetExternal"/>): one named <c>NAME:CODE</c>
/// stands at site CODE (the access register's room of a site other than the default, <c>access:CODE</c>); a plain
/// name (<c>access</c>) at the default site.
/// </summary>
public static class AlarmSources
{
    /// <summary>The site code in a pseudo-device's name (<c>access:DC-B</c> → <c>DC-B</c>); empty for a plain name (the default site).</summary>
    public static string SiteCodeNamedBy(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        var separator = sourceId.IndexOf(':', StringComparison.Ordinal);
        return separator > 0 && separator < sourceId.Length - 1 ? sourceId[(separator + 1)..] : "";
    }
}
