using System.Net;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// A token bucket per source address (refill <paramref name="rate"/> per second up to <paramref name="burst"/>), used
/// only by the receive loop's single thread. At most <see cref="MaxSources"/> buckets are held; when full, buckets
/// that have refilled completely (idle sources) are forgotten, and if none has, all are.
/// </summary>
internal sealed class SourceRateLimiter(double rate, int burst, TimeProvider time)
{
    public const int MaxSources = 4096;

    private readonly Dictionary<IPAddress, Bucket> _buckets = [];

    public bool TryTake(IPAddress source)
    {
        var now = time.GetTimestamp();
        if (!_buckets.TryGetValue(source, out var bucket))
        {
            if (_buckets.Count >= MaxSources)
            {
                Evict(now);
            }

            bucket = new Bucket { Tokens = burst, Stamp = now };
            _buckets[source] = bucket;
        }

        bucket.Tokens = Math.Min(burst, bucket.Tokens + time.GetElapsedTime(bucket.Stamp, now).TotalSeconds * rate);
        bucket.Stamp = now;
        if (bucket.Tokens < 1)
        {
            return false;
        }

        bucket.Tokens -= 1;
        return true;
    }

    private void Evict(long now)
    {
        foreach (var (address, bucket) in _buckets.ToList())
        {
            if (bucket.Tokens + time.GetElapsedTime(bucket.Stamp, now).TotalSeconds * rate >= burst)
            {
                _buckets.Remove(address);
            }
        }

        if (_buckets.Count >= MaxSources)
        {
            _buckets.Clear();
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long Stamp { get; set; }
    }
}
