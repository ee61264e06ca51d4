using System.Net;
using DataCenterOps.Domain.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataCenterOps.Tests.Web.Features.Tenants;

/// <summary>A tenant with no permits and no visits yet sees that said in words, not two tables of bare headings.</summary>
public sealed class TenantPortalEmptyTests
{
    [Fact]
    public async Task NoPermitsNorVisitsYet_AreSaidInWords()
    {
        await using var app = new WebAppFactory();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var login = await SignInClient.PostLoginAsync(client, DemoTenants.All[0].Email, DemoUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var page = await client.GetStringAsync("/tenant");

        Assert.Contains("data-testid=\"tenant-permits-none\"><td colspan=\"4\">Belum ada.</td>", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"tenant-visits-none\"><td colspan=\"5\">Belum ada.</td>", page, StringComparison.Ordinal);
    }
}
