using System.Collections.Concurrent;
using System.Net;

namespace DataCenterOps.Benchmarks.Notifications;

/// <summary>A local webhook receiver (HttpListener on a free loopback port): keeps each POST's arrival time and body.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public WebhookReceiver(int port)
    {
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Url { get; }

    public ConcurrentQueue<(DateTimeOffset At, string Body)> Posts { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                Posts.Enqueue((DateTimeOffset.UtcNow, await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
