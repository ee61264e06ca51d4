using System.Collections.Immutable;

namespace DataCenterOps.Monitoring.LiveState;

/// <summary>
/// Subscribers called synchronously in order; a throwing subscriber is reported and does not stop the others.
/// The subscriber list is copy-on-write so that notifying never takes a lock. Each subscriber runs in the execution
/// context it subscribed in, as a timer's callback does: a screen's circuit keeps its culture (Indonesian or English)
/// when the poller's thread tells it of a change.
/// </summary>
internal sealed class ChangeNotifier<T>(Action<Exception> onSubscriberError)
{
    private ImmutableArray<Action<T>> _subscribers = [];

    public IDisposable Subscribe(Action<T> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var inContext = InSubscribersContext(subscriber);
        ImmutableInterlocked.Update(ref _subscribers, (list, s) => list.Add(s), inContext);
        return new Subscription(this, inContext);
    }

    private static Action<T> InSubscribersContext(Action<T> subscriber)
    {
        if (ExecutionContext.Capture() is not { } context)
        {
            return subscriber;
        }

        return change => ExecutionContext.Run(context, static state =>
        {
            var (callback, value) = ((Action<T>, T))state!;
            callback(value);
        }, (subscriber, change));
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
