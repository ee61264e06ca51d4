using System.Collections.Immutable;

namespace DataCenterOps.Monitoring.LiveState;

/// <summary>
/// Subscribers called synchronously in order; a throwing subscriber is reported and does not stop the others.
/// The subscriber list is copy-on-write so that notifying never takes a lock.
/// </summary>
internal sealed class ChangeNotifier<T>(Action<Exception> onSubscriberError)
{
    private ImmutableArray<Action<T>> _subscribers = [];

    public IDisposable Subscribe(Action<T> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ImmutableInterlocked.Update(ref _subscribers, (list, s) => list.Add(s), subscriber);
        return new Subscription(this, subscriber);
    }

    public void Notify(T change)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(change);
            }
#pragma warning disable CA1031 // One subscriber's failure must not reach the poller or the other subscribers.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                onSubscriberError(ex);
            }
        }
    }

    private sealed class Subscription(ChangeNotifier<T> owner, Action<T> subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                ImmutableInterlocked.Update(ref owner._subscribers, (list, s) => list.Remove(s), subscriber);
            }
        }
    }
}
