using System.Text.Json;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// What one node's <c>/api/v1/devices</c> says about the polls of its own devices, sampled more often than the
/// interval: each new <c>lastPoll</c> is one poll (its duration; failed when <c>lastSuccess</c> did not move with it),
/// and the time between a device's successive <c>lastSuccess</c> values is its cycle.
/// </summary>
internal sealed class NodePollSamples
{
    private readonly Dictionary<string, (DateTimeOffset? Poll, DateTimeOffset? Success)> _last = new(StringComparer.Ordinal);

    public List<double> Durations { get; } = [];

    public List<double> Gaps { get; } = [];

    public int Successes { get; private set; }

    public int Failures { get; private set; }

    public int Samples { get; private set; }

    /// <summary>Takes one answer of /api/v1/devices, keeping only the devices in <paramref name="owned"/> (leased to this node).</summary>
    public void Add(JsonElement devices, IReadOnlySet<string> owned)
    {
        Samples++;
        foreach (var device in devices.EnumerateArray())
        {
            var id = device.GetProperty("id").GetString() ?? "";
            if (!owned.Contains(id))
            {
                continue;
            }

            var poll = Time(device, "lastPoll");
            var success = Time(device, "lastSuccess");
            if (_last.TryGetValue(id, out var before) && poll is not null && poll != before.Poll)
            {
                if (device.TryGetProperty("pollDurationMs", out var ms) && ms.ValueKind == JsonValueKind.Number)
                {
                    Durations.Add(ms.GetDouble());
                }

                if (success == poll)
                {
                    Successes++;
                    if (before.Success is { } previous && success is { } now)
                    {
                        Gaps.Add((now - previous).TotalMilliseconds);
                    }
                }
                else
                {
                    Failures++;
                }
            }

            _last[id] = (poll, success);
        }
    }

    private static DateTimeOffset? Time(JsonElement device, string name) =>
        device.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetDateTimeOffset() : null;
}
