using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>The circuit's WebSocket as a browser opens it: the real app on Kestrel, a signed-in client.</summary>
public sealed class CircuitWebSocketTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();
    private readonly int _port = FreePorts.Tcp();

    public Task InitializeAsync()
    {
        _app.UseKestrel(_port);
        _app.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>
    /// A compressed socket keeps its zlib state (≈ 0.36 MiB of native memory) for as long as the screen is open, on
    /// every open dashboard and wall screen; the app declines the compression the browser offers (docs/adr/0019).
    /// </summary>
    [Fact]
    public async Task TheCircuitsWebSocket_DeclinesTheCompressionTheBrowserOffers()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{_port}"),
        };
        using (var login = await SignInClient.PostLoginAsync(http, WebAppFactory.AdminEmail, WebAppFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        using var answer = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync());
        var token = answer.RootElement.GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        socket.Options.CollectHttpResponseDetails = true;
        // What Chromium sends: "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits".
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{_port}/_blazor?id={Uri.EscapeDataString(token!)}"), timeout.Token);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        Assert.Empty(Header(socket, "Sec-WebSocket-Extensions"));
        // The framework sets this policy only on compressed sockets; the app's own headers still carry it.
        Assert.Contains("frame-ancestors 'none'", Header(socket, "Content-Security-Policy").Single(), StringComparison.Ordinal);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
    }

    private static List<string> Header(ClientWebSocket socket, string name) =>
        [.. (socket.HttpResponseHeaders ?? new Dictionary<string, IEnumerable<string>>())
            .Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value)];
}
