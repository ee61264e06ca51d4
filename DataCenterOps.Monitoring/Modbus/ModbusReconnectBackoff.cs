namespace DataCenterOps.Monitoring.Modbus;

/// <summary>Exponential wait between failed connection attempts, so a dead device is not hammered.</summary>
internal sealed class ModbusReconnectBackoff(TimeSpan minimum, TimeSpan maximum, TimeProvider timeProvider)
{
    private TimeSpan _delay = TimeSpan.Zero;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    /// <summary>Time still to wait before the next attempt, or zero.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = _notBefore - timeProvider.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public void Failed()
    {
        _delay = _delay == TimeSpan.Zero ? minimum : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, maximum.Ticks));
        _notBefore = timeProvider.GetUtcNow() + _delay;
    }

    public void Succeeded()
    {
        _delay = TimeSpan.Zero;
        _notBefore = DateTimeOffset.MinValue;
    }
}
