using System.Net;
using System.Reflection;
using DataCenterOps.Domain.Seeding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataCenterOps.Tests.Web;

/// <summary>Sign-in over real HTTP against the real app and database.</summary>
public sealed class SignInTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    public static TheoryData<string> ProtectedRoutes()
    {
        var data = new TheoryData<string>();
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttribute<AllowAnonymousAttribute>() is null);
        foreach (var route in pages.SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).Distinct())
        {
            if (route is "/not-found" or "/Error" or "/Account/InvalidUser")
            {
                continue;
            }

            data.Add(route.Replace("{Id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                          .Replace("{Id:long}", "1", StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task EveryPage_RedirectsToLogin_WhenAnonymous(string route)
    {
        using var client = NewClient();
        var response = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryWorkflowRoute_IsCoveredByTheAnonymousCheck()
    {
        var routes = ((IEnumerable<object[]>)ProtectedRoutes()).Select(r => (string)r[0]).ToList();
        foreach (var expected in new[] { "/", "/letters", "/letters/new", "/plans", "/work", "/reviews", "/archive", "/equipment", "/admin/users", "/board" })
        {
            Assert.Contains(expected, routes);
        }
    }

    [Fact]
    public async Task LoginPage_AndStaticAssets_AreAnonymous_WithSecurityHeaders()
    {
        using var client = NewClient();
        var response = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(response.Headers.GetValues("Content-Security-Policy"), v => v.Contains("frame-ancestors 'none'", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
    }

    [Fact]
    public async Task BootstrapAdmin_CanSignIn_AndOpenPages()
    {
        using var client = NewClient();
        var login = await SignInClient.PostLoginAsync(client, WebAppFactory.AdminEmail, WebAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain("Lockout", login.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var users = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/letters")).StatusCode);
    }

    [Fact]
    public async Task WrongPassword_FiveTimes_LocksTheAccount_WithoutSayingSo()
    {
        using var client = NewClient();
        var email = DemoUsers.All.Single(u => u.Email.StartsWith("operator", StringComparison.Ordinal)).Email;
        for (var i = 0; i < 5; i++)
        {
            var failed = await SignInClient.PostLoginAsync(client, email, "wrong-password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        // Locked: the right password is refused with the same reply as a wrong one (no lockout page that confirms the account).
        var correct = await SignInClient.PostLoginAsync(client, email, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/letters")).StatusCode);
    }

    [Fact]
    public async Task CultureSwitch_SetsCookie_AndRefusesOpenRedirects()
    {
        using var client = NewClient();
        var response = await client.GetAsync("/culture/set?culture=en-US&redirectUri=//evil.example/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
    }

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
