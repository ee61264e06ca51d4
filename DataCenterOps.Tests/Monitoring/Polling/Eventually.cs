namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>Bounded waiting for asynchronous outcomes (never a sleep that assumes a speed).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? Limit);
        while (!condition())
        {
            try
            {
                await Task.Delay(25, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still waiting for: {what}");
            }
        }
    }
}
