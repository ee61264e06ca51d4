using DataCenterOps.Domain.People;

namespace DataCenterOps.Tests.Web.Shared.Sites;

/// <summary>A single-site installation (the default) never shows a site switcher, nor the word "site"/"lokasi".</summary>
public sealed class SingleSiteScreenTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("id-ID", "lokasi")]
    [InlineData("en-US", "site")]
    public async Task SingleSite_ShowsNoSwitcher_AndNeverTheWordSite(string culture, string word)
    {
        using var client = await SignInClient.ClientAsync(factory, Roles.Administrator);
        using (await client.GetAsync($"/culture/set?culture={culture}&redirectUri=/"))
        {
        }

        foreach (var path in new[] { "/", "/room/plan", "/room/alarms", "/letters", "/equipment", "/board", "/access" })
        {
            var page = await client.GetStringAsync(path);
            Assert.DoesNotContain("app-site-switcher", page, StringComparison.Ordinal);
            Assert.DoesNotContain("nav-sites", page, StringComparison.Ordinal);
            var visible = System.Text.RegularExpressions.Regex.Replace(page, "<[^>]*>", " ");
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(visible, $@"\b{word}s?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
                $"{path} ({culture}) shows the word '{word}'");
        }
    }
}
