using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Domain.Access;

/// <summary>Tells open pages (occupancy tile, register) that the register changed. Singleton; handlers must be short.</summary>
public sealed class AccessChanges
{
    private readonly Lock _gate = new();
    private Action[] _handlers = [];

    public IDisposable Subscribe(Action onChange)
    {
        var handler = SubscriberContext.Bind(onChange);
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Notify()
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler();
            }
            catch (ObjectDisposedException)
            {
                // A page closing while we notify; it unsubscribes on dispose.
            }
        }
    }

    private void Unsubscribe(Action onChange)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers.Where(h => h != onChange)];
        }
    }

    private sealed class Subscription(AccessChanges owner, Action onChange) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(onChange);
    }
}
