using System.Net;
using DataCenterOps.Domain.People;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>An address that does not exist, as the real app answers it to a person and to a script.</summary>
public sealed class NotFoundPageTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Supervisor)]
    public async Task ASignedInPersonsUnknownAddress_Gets404AndTheAppsPage_NotAnError(string role)
    {
        using var client = await SignInClient.ClientAsync(_app, role);
        client.DefaultRequestHeaders.Add("Accept-Language", "id-ID");

        using var response = await client.GetAsync("/wall");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        // The app's own page (its shell, in the reader's language), which the circuit fills with the not-found text.
        Assert.Contains("<html lang=\"id\"", page, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web", page, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task AnAnonymousVisitorsUnknownAddress_LeadsToSignIn()
    {
        using var client = await SignInClient.ClientAsync(_app, null);

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScriptsUnknownApiAddress_Gets404WithoutAPage()
    {
        using var client = await SignInClient.ClientAsync(_app, Roles.Operator);

        using var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }
}
