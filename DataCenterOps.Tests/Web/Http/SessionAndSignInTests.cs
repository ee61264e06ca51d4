using System.Net;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>Sessions, sign-in and return addresses over the real app.</summary>
public sealed class SessionAndSignInTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task ACookieReplayedAfterSignOut_IsRefused()
    {
        var (client, jar) = await SignedInWithJarAsync(Roles.Supervisor);
        using var _ = client;
        var cookie = CookieHeader(jar);
        var token = await SignInClient.AntiforgeryTokenAsync(client);

        using var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = "",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var replay = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/letters");
        request.Headers.Add("Cookie", cookie);
        using var response = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACookieIssuedBeforeARoleChange_IsRefused()
    {
        var (client, jar) = await SignedInWithJarAsync(Roles.Manager);
        using var _ = client;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/archive")).StatusCode);
        var cookie = CookieHeader(jar);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var manager = await users.FindByEmailAsync(SignInClient.AccountFor(Roles.Manager).Email);
            Assert.True((await users.AddToRoleAsync(manager!, Roles.Operator)).Succeeded);
        }

        using var replay = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/archive");
        request.Headers.Add("Cookie", cookie);
        using var response = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task AMalformedReturnUrl_LeadsHome_OnSignIn_SignOut_AndCultureSwitch(string returnUrl)
    {
        using var client = NewClient();
        var (email, password) = SignInClient.AccountFor(Roles.Inspector);
        using var login = await SignInClient.PostLoginAsync(client, email, password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", OnThisSite(login.Headers.Location!));

        using var culture = await client.GetAsync("/culture/set?culture=en-US&redirectUri=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal("/", culture.Headers.Location!.OriginalString);

        var token = await SignInClient.AntiforgeryTokenAsync(client);
        using var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = returnUrl,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/", signOut.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ALocalReturnUrl_IsKept()
    {
        using var client = NewClient();
        var (email, password) = SignInClient.AccountFor(Roles.Supervisor);

        using var login = await SignInClient.PostLoginAsync(client, email, password, "/letters?tab=2");

        Assert.Equal("/letters?tab=2", OnThisSite(login.Headers.Location!));
    }

    [Fact]
    public async Task LockedUnknownAndWrongPassword_GetTheSameReply()
    {
        using var client = NewClient();
        var email = DemoUsers.All.Single(u => u.Email.StartsWith("pemeriksa2", StringComparison.Ordinal)).Email;
        for (var i = 0; i < 5; i++)
        {
            using var failed = await SignInClient.PostLoginAsync(client, email, "wrong-password");
        }

        var locked = await ReplyAsync(client, email, DemoUsers.Password);
        var unknown = await ReplyAsync(client, "nobody@dcops.local", "wrong-password");
        var wrong = await ReplyAsync(client, "operator@dcops.local", "wrong-password");

        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.Equal(locked, unknown);
        Assert.Equal(locked, wrong);
        Assert.NotEmpty(locked.Message);
        Assert.False(locked.Cookie);
    }

    [Fact]
    public async Task ACommonPassword_IsRefused_WhenSet()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var common = await users.CreateAsync(new AppUser { UserName = "x@dcops.local", Email = "x@dcops.local", FullName = "X" }, "iloveyou1");
        var fine = await users.CreateAsync(new AppUser { UserName = "y@dcops.local", Email = "y@dcops.local", FullName = "Y" }, "kopi-tubruk-samarinda");

        Assert.Contains(common.Errors, e => e.Code == "PasswordTooCommon");
        Assert.True(fine.Succeeded);
        Assert.Equal(10_000, DataCenterOps.Web.Shared.Hosting.CommonPasswordValidator.Count);
    }

    private static async Task<(HttpStatusCode Status, string Message, bool Cookie)> ReplyAsync(HttpClient client, string email, string password)
    {
        using var response = await SignInClient.PostLoginAsync(client, email, password);
        var html = await response.Content.ReadAsStringAsync();
        var message = System.Text.RegularExpressions.Regex.Match(html, "class=\"status status-error\" role=\"alert\">\\s*([^<]+?)\\s*<").Groups[1].Value;
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        return (response.StatusCode, message, cookie);
    }

    /// <summary>The path of a redirect that stays on this site (relative, or absolute to the app's own host).</summary>
    private static string OnThisSite(Uri location)
    {
        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }

    private async Task<(HttpClient Client, CookieContainer Jar)> SignedInWithJarAsync(string role)
    {
        var jar = new CookieContainer();
        var client = factory.CreateDefaultClient(new CookieContainerHandler(jar));
        var (email, password) = SignInClient.AccountFor(role);
        using var login = await SignInClient.PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (client, jar);
    }

    private static string CookieHeader(CookieContainer jar) => jar.GetCookieHeader(new Uri("http://localhost/"));

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
