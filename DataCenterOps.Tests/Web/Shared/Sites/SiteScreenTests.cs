using System.Net;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataCenterOps.Tests.Web.Shared.Sites;

/// <summary>Over HTTP against the real app with two sites: the overview, the switcher, and a regency inspector's narrow view.</summary>
public sealed class SiteScreenTests(TwoSiteApp app) : IClassFixture<TwoSiteApp>
{
    [Fact]
    public async Task Overview_ShowsACardPerSite_WithTheSwitcherInTheTopBar()
    {
        using var client = await SignInClient.ClientAsync(app.Factory, Roles.Supervisor);
        var page = await client.GetStringAsync("/sites");
        Assert.Contains("data-site=\"DC-KALTIM\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-site=\"{TwoSiteApp.RegencyCode}\"", page, StringComparison.Ordinal);
        Assert.Contains(TwoSiteApp.RegencyName, page, StringComparison.Ordinal);
        Assert.Contains("app-site-switcher", page, StringComparison.Ordinal);
        Assert.Contains("Semua lokasi", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Room_ShowsOnlyTheChosenSitesDevices()
    {
        using var client = await SignInClient.ClientAsync(app.Factory, Roles.Supervisor);
        var province = await client.GetStringAsync("/");
        Assert.Contains("data-device=\"ups-1\"", province, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-device=\"{TwoSiteApp.RegencyDevice}\"", province, StringComparison.Ordinal);

        var regency = await client.GetStringAsync($"/?site={TwoSiteApp.RegencyCode}");
        Assert.Contains($"data-device=\"{TwoSiteApp.RegencyDevice}\"", regency, StringComparison.Ordinal);
        Assert.DoesNotContain("data-device=\"ups-1\"", regency, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteChoice_IsRemembered_ByTheSiteCookie()
    {
        using var client = await SignInClient.ClientAsync(app.Factory, Roles.Supervisor);
        using var set = await client.GetAsync($"/site/set?code={TwoSiteApp.RegencyCode}&redirectUri=/");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var page = await client.GetStringAsync("/");
        Assert.Contains($"data-device=\"{TwoSiteApp.RegencyDevice}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-device=\"ups-1\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegencyInspector_SeesOnlyHisSitesScreensAndDevices()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var login = await SignInClient.PostLoginAsync(client, TwoSiteApp.RegencyInspector, DemoUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        // Asking for the province's site does not get it: his roles reach the regency's room only.
        var room = await client.GetStringAsync("/?site=DC-KALTIM");
        Assert.Contains($"data-device=\"{TwoSiteApp.RegencyDevice}\"", room, StringComparison.Ordinal);
        Assert.DoesNotContain("data-device=\"ups-1\"", room, StringComparison.Ordinal);
        Assert.DoesNotContain("data-device=\"crac-1\"", room, StringComparison.Ordinal);
        // One site for him: no switcher, no overview link.
        Assert.DoesNotContain("app-site-switcher", room, StringComparison.Ordinal);
        Assert.DoesNotContain("nav-sites", room, StringComparison.Ordinal);

        var other = await client.GetStringAsync("/room/devices/ups-1");
        Assert.Contains("Perangkat tidak ditemukan.", other, StringComparison.Ordinal);
        var own = await client.GetStringAsync($"/room/devices/{TwoSiteApp.RegencyDevice}");
        Assert.DoesNotContain("Perangkat tidak ditemukan.", own, StringComparison.Ordinal);

        // The province's equipment registry is not his: the regency has none registered.
        var equipment = await client.GetStringAsync("/equipment");
        Assert.DoesNotContain("UPS A", equipment, StringComparison.Ordinal);

        var overview = await client.GetStringAsync("/sites");
        Assert.Contains($"data-site=\"{TwoSiteApp.RegencyCode}\"", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("data-site=\"DC-KALTIM\"", overview, StringComparison.Ordinal);
    }
}
