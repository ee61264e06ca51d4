namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>
/// What a non-authoritative engine (our manager) knows of an agent's engine: its ID, and its boots and time as
/// of <paramref name="ReceivedAt"/> (a <see cref="TimeProvider"/> timestamp), from which the time now is estimated.
/// </summary>
internal sealed record UsmRemoteEngine(byte[] EngineId, int Boots, int Time, long ReceivedAt)
{
    public int TimeNow(TimeProvider time) =>
        (int)Math.Min(int.MaxValue, Time + (long)time.GetElapsedTime(ReceivedAt).TotalSeconds);
}
