using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// Counters of the trap receiver, rendered on <c>/metrics</c> as <c>dcops_traps_received_total{device,trap}</c> (unknown
/// senders as <c>device="unknown"</c>), <c>dcops_traps_dropped_total{reason}</c> and <c>dcops_trap_informs_answered_total</c>.
/// Distinct (device, trap) series are capped so that a sender spraying random OIDs cannot grow /metrics without bound:
/// past the cap new pairs count under <c>trap="other"</c>.
/// </summary>
public sealed class TrapStatistics
{
    /// <summary>The device label of notifications from unknown senders.</summary>
    public const string UnknownDevice = "unknown";

    /// <summary>Most distinct (device, trap) series kept.</summary>
    public const int MaxSeries = 1000;

    private static readonly TrapDropReason[] Reasons = Enum.GetValues<TrapDropReason>();

    private readonly ConcurrentDictionary<(string Device, string Trap), StrongBox> _received = new();
    private readonly long[] _dropped = new long[Reasons.Length];
    private long _informsAnswered;

    public long Dropped(TrapDropReason reason) => Interlocked.Read(ref _dropped[(int)reason]);

    public long Received(string device, string trap) => _received.TryGetValue((device, trap), out var box) ? Interlocked.Read(ref box.Value) : 0;

    public long ReceivedTotal => _received.Values.Sum(b => Interlocked.Read(ref b.Value));

    public long InformsAnswered => Interlocked.Read(ref _informsAnswered);

    /// <summary>The label text of a reason, e.g. <c>rate_limited</c>.</summary>
    public static string Label(TrapDropReason reason) => reason switch
    {
        TrapDropReason.Malformed => "malformed",
        TrapDropReason.Oversized => "oversized",
        TrapDropReason.RateLimited => "rate_limited",
        TrapDropReason.QueueFull => "queue_full",
        TrapDropReason.UnsupportedVersion => "unsupported_version",
        TrapDropReason.AuthFailed => "auth_failed",
        TrapDropReason.NotInTimeWindow => "not_in_time_window",
        TrapDropReason.Replayed => "replayed",
        _ => reason.ToString(),
    };

    internal void CountDropped(TrapDropReason reason) => Interlocked.Increment(ref _dropped[(int)reason]);

    internal void CountInformAnswered() => Interlocked.Increment(ref _informsAnswered);

    internal void CountReceived(string? deviceId, string trap)
    {
        var key = (deviceId ?? UnknownDevice, trap);
        if (!_received.TryGetValue(key, out var box))
        {
            if (_received.Count >= MaxSeries)
            {
                key = (key.Item1, "other");
            }

            box = _received.GetOrAdd(key, _ => new StrongBox());
        }

        Interlocked.Increment(ref box.Value);
    }

    /// <summary>Appends the trap series in Prometheus text format (0.0.4).</summary>
    public void AppendPrometheus(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.Append("# HELP dcops_traps_received_total SNMP notifications received, by device (\"unknown\" for unknown senders) and trap name.\n")
            .Append("# TYPE dcops_traps_received_total counter\n");
        foreach (var ((device, trap), box) in _received.OrderBy(p => p.Key.Device, StringComparer.Ordinal).ThenBy(p => p.Key.Trap, StringComparer.Ordinal))
        {
            text.Append("dcops_traps_received_total{device=\"").Append(Escape(device)).Append("\",trap=\"").Append(Escape(trap)).Append("\"} ")
                .Append(Interlocked.Read(ref box.Value).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("# HELP dcops_traps_dropped_total Datagrams on the trap port dropped unprocessed, by reason.\n")
            .Append("# TYPE dcops_traps_dropped_total counter\n");
        foreach (var reason in Reasons)
        {
            text.Append("dcops_traps_dropped_total{reason=\"").Append(Label(reason)).Append("\"} ")
                .Append(Dropped(reason).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("# HELP dcops_trap_informs_answered_total InformRequests answered with a Response.\n")
            .Append("# TYPE dcops_trap_informs_answered_total counter\n")
            .Append("dcops_trap_informs_answered_total ").Append(InformsAnswered.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed class StrongBox
    {
#pragma warning disable CA1051 // A plain field, so that Interlocked can work on it.
        public long Value;
#pragma warning restore CA1051
    }
}
