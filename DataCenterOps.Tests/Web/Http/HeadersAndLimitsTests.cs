using System.Net;
using DataCenterOps.Domain.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>Security headers on every reply, the sign-in rate limit, and the reverse-proxy settings (configuration only).</summary>
public sealed class HeadersAndLimitsTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.ExtraSettings["SignIn:RateLimit:PermitLimit"] = "3";
        _app.ExtraSettings["SignIn:RateLimit:Window"] = "01:00:00";
        _app.ExtraSettings["Hosting:ForwardedHeaders"] = "true";
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/letters", HttpStatusCode.Redirect)]
    [InlineData("/api/access/occupancy", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/devices", HttpStatusCode.Unauthorized)]
    public async Task RepliesEndedByAuthorization_CarryTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        using var client = NewClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPosts_BeyondTheLimit_Get429()
    {
        using var client = NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await SignInClient.PostLoginAsync(client, "nobody@dcops.local", "wrong-password-" + i);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // The page itself (GET) is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task BehindATlsProxy_TheSignInCookieIsSecure_AndHstsIsSent()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("http://dcops.example/"),
        });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        using var page = await client.GetAsync("/Account/Login");
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        var antiforgery = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = "operator@dcops.local",
                ["Input.Password"] = DemoUsers.Password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var login = await client.SendAsync(post);

        Assert.Contains("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var identity = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("secure", identity, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", identity, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", identity, StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
