using System.Collections.Concurrent;
using DataCenterOps.Domain.Access;

namespace DataCenterOps.Tests.Web.Features.Access;

/// <summary>Keeps every alarm raised and cleared, in order.</summary>
public sealed class RecordingAlarmSink : IAccessAlarmSink
{
    private readonly ConcurrentQueue<AccessAlarm> _raised = new();
    private readonly ConcurrentQueue<(string, string)> _cleared = new();

    public IReadOnlyList<AccessAlarm> Raised => [.. _raised];

    public IReadOnlyList<(string Source, string Key)> Cleared => [.. _cleared];

    public Task RaiseAsync(AccessAlarm alarm, CancellationToken cancellationToken)
    {
        _raised.Enqueue(alarm);
        return Task.CompletedTask;
    }

    public Task ClearAsync(AccessAlarm raised, CancellationToken cancellationToken)
    {
        _cleared.Enqueue((raised.Source, raised.Key));
        return Task.CompletedTask;
    }
}
