using DataCenterOps.Monitoring.Snmp.Usm;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// Replay protection for authenticated SNMPv3 traps, where the receiver is not the authoritative engine
/// (RFC 3414 §3.2 step 7b). Per sender engine ID it keeps the highest msgAuthoritativeEngineBoots seen, the engine
/// time then, and the local time it was learnt; a message is outside the time window — and dropped — when that
/// engine's boots reached 2³¹−1, its boots are below the known ones, or with equal boots its time is more than
/// <see cref="Window"/> behind what the sender's clock must read now. Newer boots or time update the record (the
/// first authenticated trap from an engine teaches it). Beside that, an identical authenticated message (same
/// engine and HMAC) seen within the window is a replay and dropped. Only messages that passed authentication get
/// here, so a forger cannot move the clocks. Bounded: at most <see cref="MaxEngines"/> engines and
/// <see cref="MaxRemembered"/> recent digests; only the processing loop calls it.
/// </summary>
internal sealed class TrapReplayGuard(TimeProvider time)
{
    /// <summary>The RFC 3414 time window.</summary>
    public const int Window = 150;

    public const int MaxEngines = 4096;
    public const int MaxRemembered = 65_536;

    private readonly Dictionary<string, EngineClock> _engines = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, long At)> _seenOrder = new();

    /// <summary>The reason to drop an authenticated trap, or null to accept it (and remember it).</summary>
    public TrapDropReason? Check(SnmpV3Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetTimestamp();
        var engine = Convert.ToHexString(message.EngineId);
        if (_engines.TryGetValue(engine, out var clock))
        {
            var senderNow = clock.Time + (long)time.GetElapsedTime(clock.LearntAt, now).TotalSeconds;
            if (clock.Boots == int.MaxValue || message.EngineBoots < clock.Boots || (message.EngineBoots == clock.Boots && message.EngineTime < senderNow - Window))
            {
                return TrapDropReason.NotInTimeWindow;
            }
        }

        Forget(now);
        var key = engine + "/" + Convert.ToHexString(message.AuthParameters);
        if (_seen.Contains(key))
        {
            return TrapDropReason.Replayed;
        }

        if (clock is null || message.EngineBoots > clock.Boots || (message.EngineBoots == clock.Boots && message.EngineTime > clock.Time))
        {
            if (clock is null && _engines.Count >= MaxEngines)
            {
                _engines.Clear();
            }

            _engines[engine] = new EngineClock(message.EngineBoots, message.EngineTime, now);
        }

        if (_seen.Count >= MaxRemembered)
        {
            _seen.Remove(_seenOrder.Dequeue().Key);
        }

        _seen.Add(key);
        _seenOrder.Enqueue((key, now));
        return null;
    }

    private void Forget(long now)
    {
        while (_seenOrder.TryPeek(out var oldest) && time.GetElapsedTime(oldest.At, now) > TimeSpan.FromSeconds(2 * Window))
        {
            _seen.Remove(_seenOrder.Dequeue().Key);
        }
    }

    private sealed record EngineClock(int Boots, int Time, long LearntAt);
}
