namespace DataCenterOps.Monitoring.Alarms;

/// <summary>Reads <c>panel.state</c>: by the profile's enum text when it has one, else by the raw code.</summary>
internal static class FirePanelStates
{
    public static FirePanelState? Parse(string? text, double? code)
    {
        if (text is not null)
        {
            var compact = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (Enum.TryParse<FirePanelState>(compact, ignoreCase: true, out var named) && Enum.IsDefined(named))
            {
                return named;
            }
        }

        return code is { } c && c == Math.Floor(c) && Enum.IsDefined((FirePanelState)(int)c) ? (FirePanelState)(int)c : null;
    }
}
