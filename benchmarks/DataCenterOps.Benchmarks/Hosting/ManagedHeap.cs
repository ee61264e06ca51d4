using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace DataCenterOps.Benchmarks.Hosting;

/// <summary>
/// The managed heap of another .NET process right after a full, blocking GC, read over its diagnostics port: an
/// EventPipe session with the runtime's <c>GCHeapCollect</c> keyword makes the process collect (as dotnet-gcdump does),
/// and the <c>GCHeapStats</c> event of that induced GC gives the size of what survived — the live heap, with no garbage.
/// </summary>
internal static class ManagedHeap
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Live managed bytes after an induced full GC; null when the process did not answer in time.</summary>
    public static async Task<long?> AfterFullGcAsync(int processId, CancellationToken cancellationToken)
    {
        var providers = new[]
        {
            new EventPipeProvider(
                ClrTraceEventParser.ProviderName,
                EventLevel.Informational,
                (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect)),
        };
        var client = new DiagnosticsClient(processId);
        using var session = await client.StartEventPipeSessionAsync(providers, requestRundown: false, token: cancellationToken);
        var result = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            var induced = false;
            source.Clr.GCStart += e => induced = e.Reason == GCReason.Induced && e.Depth == 2;
            source.Clr.GCHeapStats += e =>
            {
                if (induced)
                {
                    result.TrySetResult(e.TotalHeapSize);
                }
            };
            source.Process();
        }, CancellationToken.None);

        var done = await Task.WhenAny(result.Task, Task.Delay(Wait, cancellationToken));
        try
        {
            await session.StopAsync(CancellationToken.None);
        }
        catch (ServerNotAvailableException)
        {
            // The process is gone.
        }

        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        return done == result.Task ? await result.Task : null;
    }
}
