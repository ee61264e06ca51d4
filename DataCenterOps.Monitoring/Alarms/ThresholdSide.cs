namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// One side (high, or low with values negated) of a threshold rule. A level is entered once its limit has been
/// exceeded continuously for the on-delay and left once the value is back inside by the hysteresis; leaving
/// takes no delay, escalating to critical takes the delay again.
/// </summary>
internal sealed class ThresholdSide(double? warning, double? critical, double hysteresis, TimeSpan onDelay)
{
    private DateTimeOffset? _warningSince;
    private DateTimeOffset? _criticalSince;

    public AlarmSeverity? Level { get; private set; }

    public AlarmSeverity? Evaluate(double value, DateTimeOffset now)
    {
        var beyondCritical = critical is { } c && value > (Level == AlarmSeverity.Critical ? c - hysteresis : c);
        var beyondWarning = beyondCritical || (warning is { } w && value > (Level is not null ? w - hysteresis : w));
        _criticalSince = beyondCritical ? _criticalSince ?? now : null;
        _warningSince = beyondWarning ? _warningSince ?? now : null;

        if (beyondCritical && (Level == AlarmSeverity.Critical || now - _criticalSince >= onDelay))
        {
            Level = AlarmSeverity.Critical;
        }
        else if (beyondWarning && (Level is not null || now - _warningSince >= onDelay))
        {
            Level = AlarmSeverity.Warning;
        }
        else
        {
            Level = null;
        }

        return Level;
    }
}
