namespace DataCenterOps.Monitoring.Physics;

/// <summary>
/// One point's recent readings over a rolling window and their least-squares slope, per hour. The slope is known
/// once the readings span at least two thirds of the window, so one noisy pair of readings never makes a rate.
/// </summary>
internal sealed class RateWindow(TimeSpan window)
{
    // A bound on memory for very fast polling: 15 minutes at one reading a second is 900.
    private const int MaxReadings = 2048;

    private readonly Queue<(DateTimeOffset At, double Value)> _readings = new();
    private readonly Lock _gate = new();
    private double? _rate;

    public TimeSpan Window { get; } = window;

    /// <summary>The last computed rate in units per hour; null while the window is not filled enough.</summary>
    public double? Rate
    {
        get
        {
            lock (_gate)
            {
                return _rate;
            }
        }
    }

    /// <summary>Adds a reading (a reading not newer than the last one is ignored) and returns the rate per hour.</summary>
    public double? Add(DateTimeOffset at, double value)
    {
        lock (_gate)
        {
            if (!double.IsFinite(value) || (_readings.Count > 0 && at <= LastAt()))
            {
                return _rate;
            }

            _readings.Enqueue((at, value));
            while (_readings.Count > MaxReadings || (_readings.Count > 0 && _readings.Peek().At < at - Window))
            {
                _readings.Dequeue();
            }

            _rate = Slope(at);
            return _rate;
        }
    }

    /// <summary>Forgets every reading (the device stopped answering, so the next rate starts afresh).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _readings.Clear();
            _rate = null;
        }
    }

    private DateTimeOffset LastAt()
    {
        var last = default(DateTimeOffset);
        foreach (var reading in _readings)
        {
            last = reading.At;
        }

        return last;
    }

    private double? Slope(DateTimeOffset now)
    {
        if (_readings.Count < 3 || now - _readings.Peek().At < Window * 2 / 3)
        {
            return null;
        }

        // Least squares in hours since the oldest reading: slope = Σ(t−t̄)(v−v̄) / Σ(t−t̄)².
        var origin = _readings.Peek().At;
        double sumT = 0, sumV = 0;
        foreach (var (at, value) in _readings)
        {
            sumT += (at - origin).TotalHours;
            sumV += value;
        }

        var meanT = sumT / _readings.Count;
        var meanV = sumV / _readings.Count;
        double covariance = 0, variance = 0;
        foreach (var (at, value) in _readings)
        {
            var dt = (at - origin).TotalHours - meanT;
            covariance += dt * (value - meanV);
            variance += dt * dt;
        }

        return variance > 0 ? covariance / variance : null;
    }
}
