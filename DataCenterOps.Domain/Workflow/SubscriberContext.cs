namespace DataCenterOps.Domain.Workflow;

/// <summary>
/// Runs a change handler in the execution context it subscribed in, as a timer's callback runs: a screen's circuit keeps
/// its culture (Indonesian or English) when another thread tells it of a change.
/// </summary>
public static class SubscriberContext
{
    public static Action Bind(Action handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (ExecutionContext.Capture() is not { } context)
        {
            return handler;
        }

        return () => ExecutionContext.Run(context, static state => ((Action)state!)(), handler);
    }

    public static Func<Task> Bind(Func<Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (ExecutionContext.Capture() is not { } context)
        {
            return handler;
        }

        return () =>
        {
            Task? task = null;
            ExecutionContext.Run(context, _ => task = handler(), null);
            return task!;
        };
    }
}
