using System.Net;
using System.Text.RegularExpressions;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataCenterOps.Tests.Web;

/// <summary>Signs in to the real app as a browser would: the static-SSR login form, antiforgery token included.</summary>
internal static partial class SignInClient
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = TokenPattern().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var path = returnUrl is null ? "/Account/Login" : "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        return await client.PostAsync(path, form);
    }

    /// <summary>The demo account (or the bootstrap Administrator) holding <paramref name="role"/>.</summary>
    public static (string Email, string Password) AccountFor(string role) => role switch
    {
        Roles.Administrator => (WebAppFactory.AdminEmail, WebAppFactory.AdminPassword),
        // The first demo tenant's account (its portal is the only page it opens).
        Roles.Tenant => (DemoTenants.All[0].Email, DemoUsers.Password),
        _ => (DemoUsers.All.First(u => u.Role == role).Email, DemoUsers.Password),
    };

    /// <summary>A cookie-keeping client, signed in as <paramref name="role"/> (null: anonymous); redirects not followed.</summary>
    public static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> factory, string? role)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (role is not null)
        {
            var (email, password) = AccountFor(role);
            using var login = await PostLoginAsync(client, email, password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        return client;
    }

    /// <summary>The antiforgery token a signed-in page carries (the sign-out form), for JSON posts.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path = "/")
    {
        var page = await client.GetStringAsync(path);
        return WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
    }

    /// <summary><see cref="ClientAsync"/> that also sends the antiforgery header on every request.</summary>
    public static async Task<HttpClient> BrowserClientAsync(WebApplicationFactory<Program> factory, string? role)
    {
        var client = await ClientAsync(factory, role);
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add("RequestVerificationToken", await AntiforgeryTokenAsync(client, role == Roles.Tenant ? "/tenant" : "/"));
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
