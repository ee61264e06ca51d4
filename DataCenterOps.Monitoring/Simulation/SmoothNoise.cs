namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Bounded, slowly wandering measurement noise (a readings chart should look alive, not jittery).</summary>
internal sealed class SmoothNoise(Random random, double amplitude, double timeConstantSeconds = 20)
{
    private double _value;

    public double Value => _value;

    public double Next(double seconds)
    {
        var target = (random.NextDouble() * 2 - 1) * amplitude;
        var k = Math.Min(1, seconds / timeConstantSeconds);
        _value += (target - _value) * k;
        return _value;
    }

    public void Reset() => _value = 0;
}
