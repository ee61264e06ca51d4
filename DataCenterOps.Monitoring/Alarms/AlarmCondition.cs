namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// The outcome of one rule for one device: active with a severity, inactive (<see cref="Severity"/> null), or
/// unknown (its inputs are not live), in which case any alarm it raised earlier stays as it is.
/// </summary>
public readonly record struct AlarmCondition(string Key, AlarmSeverity? Severity, string Message, bool Known = true)
{
    public static AlarmCondition Active(string key, AlarmSeverity severity, string message) => new(key, severity, message);

    public static AlarmCondition Inactive(string key) => new(key, null, "");

    public static AlarmCondition Unknown(string key) => new(key, null, "", Known: false);

    public static AlarmCondition When(bool active, string key, AlarmSeverity severity, string message) =>
        active ? Active(key, severity, message) : Inactive(key);
}
