using System.Text.RegularExpressions;
using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>
/// The app runs from its build output (`dotnet run`): outside Development the page's fingerprinted assets (MudBlazor's
/// CSS and JS, blazor.web.js) are cached for good, so opening another page downloads none of them again; in Development
/// they stay re-checked on every request (an edited file shows at once). The room screens' stylesheet is among them,
/// linked once in the head (it was linked unfingerprinted from each room component and fetched again for each).
/// </summary>
public sealed partial class StaticAssetCachingTests
{
    [Fact]
    public async Task FingerprintedAssets_AreCachedForGood_OutsideDevelopment()
    {
        await using var app = new WebAppFactory { EnvironmentName = "Production" };

        var cacheControl = await AssetCacheControlAsync(app);

        Assert.All(cacheControl, c => Assert.Equal("max-age=31536000, immutable", c));
    }

    [Fact]
    public async Task Assets_AreReCheckedOnEveryRequest_InDevelopment()
    {
        await using var app = new WebAppFactory { EnvironmentName = "Development" };

        var cacheControl = await AssetCacheControlAsync(app);

        Assert.All(cacheControl, c => Assert.Equal("no-cache", c));
    }

    [Fact]
    public async Task RoomScreen_LinksTheRoomStylesheetOnce_InTheHead()
    {
        await using var app = new WebAppFactory { EnvironmentName = "Production" };
        using var client = await SignInClient.ClientAsync(app, Roles.Operator);

        var html = await client.GetStringAsync("/room");

        var links = RoomStylesheet().Matches(html);
        Assert.Single(links);
        Assert.True(links[0].Index < html.IndexOf("</head>", StringComparison.Ordinal), "the room stylesheet is linked in the head");
    }

    // The sign-in page links the same head and scripts as every page (App.razor).
    private static async Task<List<string>> AssetCacheControlAsync(WebAppFactory app)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await client.GetStringAsync("/Account/Login");
        var urls = AssetUrl().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, urls.Count);
        var values = new List<string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync("/" + url);
            response.EnsureSuccessStatusCode();
            values.Add(response.Headers.CacheControl?.ToString() ?? "");
        }

        return values;
    }

    [GeneratedRegex(@"(?:href|src)=""(_content/MudBlazor/MudBlazor\.min\.[^""]*\.(?:css|js)|_framework/blazor\.web\.[^""]*\.js|room/room\.[^""]+\.css)""")]
    private static partial Regex AssetUrl();

    [GeneratedRegex(@"<link[^>]*href=""[^""]*room[^""]*\.css""")]
    private static partial Regex RoomStylesheet();
}
