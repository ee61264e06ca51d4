using System.Security.Cryptography;

namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>
/// An authoritative SNMP engine (our agent; an inform receiver): its snmpEngineID, snmpEngineBoots and
/// snmpEngineTime (seconds since it started, from the <see cref="TimeProvider"/>), the usmStats counters its
/// Reports carry, and the local counter privacy salts are drawn from.
/// </summary>
internal sealed class UsmLocalEngine
{
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly long[] _counters = new long[Enum.GetValues<UsmError>().Length];
    private long _salt = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));

    public UsmLocalEngine(byte[] engineId, int boots, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(engineId);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (engineId.Length is < 5 or > 32)
        {
            throw new ArgumentException("An snmpEngineID is 5–32 bytes.", nameof(engineId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(boots);
        EngineId = engineId;
        Boots = boots;
        _time = timeProvider;
        _started = timeProvider.GetTimestamp();
    }

    public byte[] EngineId { get; }

    public int Boots { get; }

    public int Time => (int)Math.Min(int.MaxValue, _time.GetElapsedTime(_started).TotalSeconds);

    public ulong NextSalt() => unchecked((ulong)Interlocked.Increment(ref _salt));

    /// <summary>Counts one refusal and returns the counter's new value (what the Report's varbind carries).</summary>
    public uint Count(UsmError error) => unchecked((uint)Interlocked.Increment(ref _counters[(int)error]));

    public long Counter(UsmError error) => Interlocked.Read(ref _counters[(int)error]);
}
