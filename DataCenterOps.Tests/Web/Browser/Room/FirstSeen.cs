using Microsoft.Playwright;

namespace DataCenterOps.Tests.Web.Browser.Room;

/// <summary>
/// Notes in the page, from a MutationObserver, the wall-clock time (Unix ms) at which each named selector first
/// matched. A passing state (the UPS is on battery only until the genset takes the load) is caught even if it is
/// gone before the test looks, and the time is the time the page changed, not the time the test noticed.
/// </summary>
internal static class FirstSeen
{
    private const string Install = """
        selectors => {
            const seen = window.__firstSeen ??= {};
            const texts = window.__firstSeenText ??= {};
            const check = () => {
                for (const [name, selector] of Object.entries(selectors)) {
                    const element = name in seen ? null : document.querySelector(selector);
                    if (element) {
                        seen[name] = Date.now();
                        texts[name] = element.textContent.trim();
                    }
                }
            };
            new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
            check();
        }
        """;

    public static Task WatchAsync(IPage page, IReadOnlyDictionary<string, string> selectors) => page.EvaluateAsync(Install, selectors);

    /// <summary>Waits (bounded) until <paramref name="name"/> has been seen; returns when, in Unix ms.</summary>
    public static async Task<double> WaitAsync(IPage page, string name)
    {
        var handle = await page.WaitForFunctionAsync("name => window.__firstSeen?.[name] ?? null", name,
            new() { Timeout = LiveAppBrowser.WaitMs, PollingInterval = 100 });
        return await handle.JsonValueAsync<double>();
    }

    /// <summary>The matching element's text at the moment it was first seen.</summary>
    public static Task<string> TextAsync(IPage page, string name) => page.EvaluateAsync<string>("name => window.__firstSeenText?.[name] ?? ''", name);

    /// <summary>The page's clock (Unix ms), the same wall clock the observer stamps with.</summary>
    public static Task<double> NowAsync(IPage page) => page.EvaluateAsync<double>("Date.now()");
}
