using DataCenterOps.Monitoring.Energy;
using DataCenterOps.Web.Shared.Display;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// The PUE tile's figures (today, this month, the last <see cref="Days"/> days, in the display zone's days) for every open
/// screen at once: computed from history at most once per <see cref="FreshFor"/> (one computation however many screens
/// ask meanwhile), so opening a dashboard runs no PUE history query of its own. Before it every circuit computed its own,
/// six history queries per open and per five minutes. Once computed for the day, a screen that opens never waits for
/// history: figures older than <see cref="FreshFor"/> are shown at once while one recomputation runs in the background.
/// </summary>
public sealed class RoomPue(PueCalculator pue, DisplayClock clock, TimeProvider time) : IDisposable
{
    public const int Days = 30;
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _refreshGate = new();
    private Task? _refreshing;
    private RoomPueFigures? _current;
    private DateTimeOffset _computedAt;
    private long _computations;

    /// <summary>Computations from history so far (for diagnostics and tests).</summary>
    public long Computations => Interlocked.Read(ref _computations);

    /// <summary>
    /// The figures: waited for only when there are none of today yet; older than <see cref="FreshFor"/>, they are
    /// returned at once and recomputed in the background (<see cref="WhenRefreshedAsync"/>).
    /// </summary>
    public Task<RoomPueFigures> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return Task.FromResult(fresh);
        }

        if (_current is { } stale && stale.Day == clock.Today)
        {
            RefreshInBackground();
            return Task.FromResult(stale);
        }

        return ComputeIfStaleAsync(cancellationToken);
    }

    /// <summary>Waits for the background recomputation under way, if any (tests).</summary>
    public Task WhenRefreshedAsync()
    {
        lock (_refreshGate)
        {
            return _refreshing ?? Task.CompletedTask;
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _gate.Dispose();
    }

    private void RefreshInBackground()
    {
        lock (_refreshGate)
        {
            _refreshing ??= Task.Run(async () =>
            {
                try
                {
                    await ComputeIfStaleAsync(_stopping.Token).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // The last figures stay on screen when history cannot be read; the next open tries again.
                catch (Exception)
#pragma warning restore CA1031
                {
                    // Nothing to do: the figures shown are the last ones computed.
                }
                finally
                {
                    lock (_refreshGate)
                    {
                        _refreshing = null;
                    }
                }
            });
        }
    }

    private async Task<RoomPueFigures> ComputeIfStaleAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another screen may have computed them while this one waited.
            if (Fresh() is { } computed)
            {
                return computed;
            }

            var now = time.GetUtcNow();
            var figures = await ComputeAsync(now, cancellationToken).ConfigureAwait(false);
            _current = figures;
            _computedAt = now;
            Interlocked.Increment(ref _computations);
            return figures;
        }
        finally
        {
            _gate.Release();
        }
    }

    private RoomPueFigures? Fresh()
    {
        var current = _current;
        return current is not null && time.GetUtcNow() - _computedAt < FreshFor && current.Day == clock.Today ? current : null;
    }

    private async Task<RoomPueFigures> ComputeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        DateTimeOffset Start(DateOnly day) => new(clock.ToUtc(day.ToDateTime(TimeOnly.MinValue)), TimeSpan.Zero);
        var todayFigure = await pue.ComputeAsync(Start(today), now, cancellationToken).ConfigureAwait(false);
        var month = await pue.ComputeAsync(Start(new DateOnly(today.Year, today.Month, 1)), now, cancellationToken).ConfigureAwait(false);
        var days = new List<(DateOnly, PueFigure?)>(Days);
        for (var back = Days; back >= 1; back--)
        {
            var day = today.AddDays(-back);
            var figure = await pue.ComputeAsync(Start(day), Start(day.AddDays(1)), cancellationToken).ConfigureAwait(false);
            days.Add((day, figure is { IsComplete: true } ? figure : null));
        }

        return new RoomPueFigures(today, pue.Category, todayFigure, month, days);
    }
}
