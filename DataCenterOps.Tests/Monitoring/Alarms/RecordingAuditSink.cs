using System.Collections.Concurrent;
using DataCenterOps.Monitoring.Alarms;

namespace DataCenterOps.Tests.Monitoring.Alarms;

internal sealed class RecordingAuditSink : IAlarmAuditSink
{
    public ConcurrentQueue<AlarmEvent> Events { get; } = new();

    public Task WriteAsync(AlarmEvent alarmEvent, CancellationToken cancellationToken)
    {
        Events.Enqueue(alarmEvent);
        return Task.CompletedTask;
    }
}
