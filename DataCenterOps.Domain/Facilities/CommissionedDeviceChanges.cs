using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Domain.Facilities;

/// <summary>Tells the monitoring bridge (and open pages) that commissioned devices were added or removed. Singleton; handlers must be short.</summary>
public sealed class CommissionedDeviceChanges
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
            handler();
        }
    }

    private void Unsubscribe(Action onChange)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers.Where(h => h != onChange)];
        }
    }

    private sealed class Subscription(CommissionedDeviceChanges owner, Action onChange) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(onChange);
    }
}
