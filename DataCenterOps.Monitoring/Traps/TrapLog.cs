using DataCenterOps.Monitoring.LiveState;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// The most recent notifications (<c>Monitoring:Traps:LogCapacity</c>, default 500) in memory, known and unknown senders
/// alike, for a trap-log page: <see cref="GetRecent"/> lists them newest first, <see cref="Subscribe"/> hears new ones.
/// </summary>
public sealed partial class TrapLog
{
    private readonly Lock _gate = new();
    private readonly TrapLogEntry?[] _ring;
    private readonly ChangeNotifier<TrapLogEntry> _notifier;
    private int _next;
    private long _total;

    public TrapLog(IOptions<TrapOptions> options, ILogger<TrapLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ring = new TrapLogEntry?[Math.Max(1, options.Value.LogCapacity)];
        _notifier = new ChangeNotifier<TrapLogEntry>(ex => LogSubscriberFailed(logger, ex));
    }

    public int Capacity => _ring.Length;

    /// <summary>Notifications logged since start (including those the ring has since let go).</summary>
    public long Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>Up to <paramref name="max"/> entries, newest first.</summary>
    public IReadOnlyList<TrapLogEntry> GetRecent(int max = 100)
    {
        lock (_gate)
        {
            var count = (int)Math.Min(Math.Min(_total, _ring.Length), Math.Max(0, max));
            var result = new TrapLogEntry[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = _ring[(_next - 1 - i + _ring.Length) % _ring.Length]!;
            }

            return result;
        }
    }

    /// <summary>Called for each new entry on the receiver's thread (keep it short; pages: InvokeAsync). Dispose to stop.</summary>
    public IDisposable Subscribe(Action<TrapLogEntry> onEntry) => _notifier.Subscribe(onEntry);

    internal void Add(TrapLogEntry entry)
    {
        lock (_gate)
        {
            _ring[_next] = entry;
            _next = (_next + 1) % _ring.Length;
            _total++;
        }

        _notifier.Notify(entry);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A trap-log subscriber failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);
}
