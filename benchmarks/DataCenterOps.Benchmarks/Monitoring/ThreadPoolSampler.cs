namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// Samples the thread pool's queue (<see cref="ThreadPool.PendingWorkItemCount"/>) and thread count while a run measures:
/// a long queue with the CPU not busy says the process waits for the machine's cores (other processes), not for its own work.
/// </summary>
internal sealed class ThreadPoolSampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private long _sum;
    private long _max;
    private long _samples;
    private int _threads;

    public ThreadPoolSampler(TimeSpan every) => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, every);

    public (double Mean, double Max, double Threads) Stop()
    {
        _timer.Change(Timeout.Infinite, Timeout.Infinite);
        lock (_gate)
        {
            return (_samples == 0 ? 0 : (double)_sum / _samples, _max, _threads);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var pending = ThreadPool.PendingWorkItemCount;
        var threads = ThreadPool.ThreadCount;
        lock (_gate)
        {
            _sum += pending;
            _max = Math.Max(_max, pending);
            _samples++;
            _threads = Math.Max(_threads, threads);
        }
    }
}
