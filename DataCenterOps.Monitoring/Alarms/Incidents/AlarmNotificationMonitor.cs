using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// Feeds every stored alarm change (<see cref="AlarmService.SubscribeStored"/>) and the clock (<see cref="AlarmNotificationOptions.CheckInterval"/>) to the
/// <see cref="AlarmNotificationEngine"/> through the <see cref="IncidentPipeline"/> (open incidents shared through the
/// store, continued after a restart) on one loop, and hands each notice to every <see cref="IAlarmNoticeSink"/>.
/// </summary>
internal sealed partial class AlarmNotificationMonitor(
    AlarmService alarms,
    IncidentPipeline pipeline,
    IEnumerable<IAlarmNoticeSink> sinks,
    IOptions<AlarmNotificationOptions> options,
    TimeProvider time,
    ILogger<AlarmNotificationMonitor> logger) : BackgroundService
{
    private readonly Channel<AlarmChange> _changes = Channel.CreateUnbounded<AlarmChange>(new() { SingleReader = true });
    private readonly IAlarmNoticeSink[] _sinks = [.. sinks];
    private IDisposable? _subscription;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Stored changes only: on many nodes the one whose store accepted a raise or clear sends its notice, once.
        _subscription = alarms.SubscribeStored(change => _changes.Writer.TryWrite(change));
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        try
        {
            // The alarm monitor loaded the open alarms first; changes since subscribing wait in the channel.
            await SendAsync(await pipeline.RestoreAsync(alarms.GetActive(), stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                var read = _changes.Reader.WaitToReadAsync(stoppingToken).AsTask();
                var done = await Task.WhenAny(read, tick).ConfigureAwait(false);
                while (_changes.Reader.TryRead(out var change))
                {
                    await SendAsync(await pipeline.OnChangeAsync(change, stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                }

                if (done == tick)
                {
                    await tick.ConfigureAwait(false);
                    await SendAsync(await pipeline.TickAsync(stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SendAsync(IReadOnlyList<AlarmNotice> notices, CancellationToken cancellationToken)
    {
        foreach (var notice in notices)
        {
            LogNotice(notice.Kind, notice.Id);
            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.SendAsync(notice, cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // One failing channel must not silence the others.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogSinkFailed(sink.GetType().Name, notice.Id, ex);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alarm notice {Kind} {NoticeId}")]
    private partial void LogNotice(AlarmNoticeKind kind, string noticeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification channel {Sink} failed for {NoticeId}")]
    private partial void LogSinkFailed(string sink, string noticeId, Exception exception);
}
