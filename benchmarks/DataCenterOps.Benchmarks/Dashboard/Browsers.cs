using System.Globalization;
using DataCenterOps.Benchmarks.Hosting;
using Microsoft.Playwright;

namespace DataCenterOps.Benchmarks.Dashboard;

/// <summary>Headless Chromium as the platform notes say, our sign-in, and the little helpers the browser benchmarks share.</summary>
internal static class Browsers
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         // Many tabs open at once: background tabs must keep their circuits as busy as a screen in front.
         "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });

    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, float waitMs)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "id-ID" });
        context.SetDefaultTimeout(waitMs);
        context.SetDefaultNavigationTimeout(waitMs);
        return context;
    }

    public static async Task SignInAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/Account/Login");
        await page.FillAsync("#Input\\.Email", WebAppProcess.AdminEmail);
        await page.FillAsync("#Input\\.Password", WebAppProcess.AdminPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
    }

    public static double LoadAverage()
    {
        var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : "0";
        return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataCenterOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
