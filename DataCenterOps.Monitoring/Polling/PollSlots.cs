using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Monitoring.Polling;

/// <summary>
/// How many polls may be in flight at once (<c>Monitoring:MaxConcurrentPolls</c> unset). By Little's law the polls in
/// flight are the poll rate times the time a poll takes; a poll that waits for its device's answer holds a slot for that
/// time, so the slots are sized for the worst a healthy fleet does: every device taking its whole request timeout
/// (with retries) — the sum over the devices of timeout × (retries + 1) ÷ interval, and never fewer than
/// <see cref="Minimum"/>. 10,000 devices at 10 s with the default 2-s timeout get 2,000; the shipped room gets 32.
/// The slots then bound only a fleet gone wrong, never the cadence of one that answers.
/// </summary>
public static class PollSlots
{
    /// <summary>The fewest slots (the former fixed default).</summary>
    public const int Minimum = 32;

    public static int For(IEnumerable<DeviceOptions> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var inFlight = 0.0;
        foreach (var device in devices)
        {
            if (device.IntervalSeconds > 0)
            {
                inFlight += device.RequestTimeout.TotalSeconds * (device.Retries + 1) / device.IntervalSeconds;
            }
        }

        // Rounded first: 10,000 × 0.2 summed in binary is a hair above 2,000, which must not become 2,001.
        return (int)Math.Clamp(Math.Ceiling(Math.Round(inFlight, 6)), Minimum, int.MaxValue / 2);
    }

    /// <summary>
    /// When each of a batch of <paramref name="count"/> devices starting together polls first: spread evenly over
    /// <paramref name="interval"/>, but at most one per <see cref="StartSpacing"/> on average — so 10,000 devices at 10 s
    /// are not all due at the same instant, while the eleven devices of a small room still answer within milliseconds.
    /// </summary>
    public static TimeSpan FirstPollDelay(int index, int count, TimeSpan interval)
    {
        if (count <= 1 || index <= 0)
        {
            return TimeSpan.Zero;
        }

        var spread = TimeSpan.FromTicks(Math.Min(interval.Ticks, StartSpacing.Ticks * count));
        return TimeSpan.FromTicks(spread.Ticks * Math.Min(index, count - 1) / count);
    }

    /// <summary>Average time between the first polls of devices that start together.</summary>
    public static readonly TimeSpan StartSpacing = TimeSpan.FromMilliseconds(1);
}
