using System.Net;
using DataCenterOps.Domain.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataCenterOps.Tests.Web.Features.Steps;

/// <summary>The PDF endpoints over real HTTP: sign-in and role are checked before anything is read.</summary>
public sealed class StepDocumentEndpointTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/letters/5f0c2a52-6a3e-4d55-9d2a-0b4ad3c1e001/pdf")]
    [InlineData("/archive/1/pdf")]
    public async Task Pdf_RedirectsToLogin_WhenAnonymous(string route)
    {
        using var client = NewClient();
        var response = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchivePdf_IsRefused_ToAnOperator()
    {
        using var client = NewClient();
        await SignInClient.PostLoginAsync(client, "operator@dcops.local", DemoUsers.Password);
        var response = await client.GetAsync("/archive/1/pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LetterPdf_OfAnUnknownLetter_IsNotFound()
    {
        using var client = NewClient();
        await SignInClient.PostLoginAsync(client, "supervisor@dcops.local", DemoUsers.Password);
        var response = await client.GetAsync($"/letters/{Guid.NewGuid()}/pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
