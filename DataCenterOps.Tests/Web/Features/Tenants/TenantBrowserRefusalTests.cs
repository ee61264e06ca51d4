using System.Net;
using System.Net.Http.Headers;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Tenants;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataCenterOps.Tests.Web.Features.Tenants;

/// <summary>
/// A tenant's browser that opens a staff page lands on the styled access-denied page, which offers the way back to its
/// portal; a bare 403 made Chromium show its own error screen. Scripts asking the same routes still get 403.
/// </summary>
public sealed class TenantBrowserRefusalTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/room")]
    [InlineData("/board")]
    [InlineData("/hangfire")]
    public async Task TenantBrowser_OpeningAStaffPage_IsSentToTheAccessDeniedPage(string path)
    {
        using var tenant = await TenantClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await tenant.SendAsync(request);
        var denied = await tenant.GetAsync("/Account/AccessDenied");
        var page = await denied.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        Assert.Contains("data-testid=\"denied-home\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/board\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/alarms")]
    [InlineData("/metrics")]
    public async Task TenantScript_AskingForDataWithHtmlAccepted_StillGets403(string path)
    {
        using var tenant = await TenantClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await tenant.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpClient> TenantClientAsync()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await SignInClient.PostLoginAsync(client, DemoTenants.All[0].Email, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }
}
