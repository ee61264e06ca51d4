namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// The outcome of one rule for one device: active with a severity, inactive (<see cref="Severity"/> null), or
/// unknown (its inputs are not live), in which case any alarm it raised earlier stays as it is.
/// <see cref="Message"/> is the English text for logs and the API; <see cref="MessageKey"/> (the alarm key when null)
/// with <see cref="MessageArguments"/> lets a screen say it in the reader's language.
/// </summary>
public readonly record struct AlarmCondition(
    string Key,
    AlarmSeverity? Severity,
    string Message,
    bool Known = true,
    string? MessageKey = null,
    IReadOnlyList<string>? MessageArguments = null)
{
    public static AlarmCondition Active(string key, AlarmSeverity severity, string message) => new(key, severity, message);

    /// <summary>An active alarm whose text has values: a message key and its arguments (numbers in invariant culture).</summary>
    public static AlarmCondition Active(string key, AlarmSeverity severity, string message, string messageKey, params string[] arguments) =>
        new(key, severity, message, MessageKey: messageKey, MessageArguments: arguments);

    public static AlarmCondition Inactive(string key) => new(key, null, "");

    public static AlarmCondition Unknown(string key) => new(key, null, "", Known: false);

    public static AlarmCondition When(bool active, string key, AlarmSeverity severity, string message) =>
        active ? Active(key, severity, message) : Inactive(key);
}
