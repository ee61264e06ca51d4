using System.Net;

namespace DataCenterOps.Tests.Web.Features.Steps;

/// <summary>The public /verify page is limited per client address (Documents:VerifyPermitLimit per Documents:VerifyWindow).</summary>
public sealed class VerifyRateLimitTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.ExtraSettings["Documents:VerifyPermitLimit"] = "3";
        _app.ExtraSettings["Documents:VerifyWindow"] = "01:00:00";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Verify_Answers429_BeyondThePermitLimit()
    {
        using var anonymous = await SignInClient.ClientAsync(_app, null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await anonymous.GetAsync("/verify/AAAAAAAAAAAAAAAAAAAAAA");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // Other pages are not counted against it.
        using var login = await anonymous.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
