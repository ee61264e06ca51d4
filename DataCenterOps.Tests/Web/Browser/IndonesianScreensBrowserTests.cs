using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Tenants;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Web.Shared.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Web.Browser;

/// <summary>
/// Every screen in Indonesian, as each demo role sees it, holds no English outside SOP terms and proper names
/// (issue 10, "Done when"). Each role signs in (id-ID, the neutral culture), opens every parameterless page route it may
/// open (read from the app's endpoint data source with the page's declared policy) plus a few with a real id (an issued
/// Surat Tugas, the device page of ups-1), reads <c>document.body.innerText</c>, takes out the proper names the app
/// holds (configured device names, people, template codes, tenants, sites: read through the Domain's queries and the
/// monitoring options, not written here; the seeded equipment, checklists and schedules are Indonesian data and stay), the SOP terms and e-mail addresses, and fails listing route and word in
/// context when a word of <see cref="EnglishWords"/> remains. A full-page screenshot per screen and role goes to
/// TestResults/screenshots/indonesian.
/// </summary>
public sealed partial class IndonesianScreensBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// Common English UI words (case-insensitive, whole words); none is an Indonesian word of the UI. Left out on
    /// purpose because they are Indonesian too (KBBI) and the Indonesian UI uses them: "Status", "Data", "Server",
    /// "Valid", "Monitor", "Model", "Normal", "Total", "Unit", "Detail", "Filter", "Alarm", "Format"; and the short
    /// words "no" (No. = Nomor), "in", "on", "at" (units and abbreviations). "Operator" and "Administrator" are role
    /// names in both languages: see <see cref="SopTerms"/>; "Tenant" is the tenants feature's own Indonesian word
    /// (penyewa co-location, as the OPD say it).
    /// </summary>
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Save", "Cancel", "Delete", "Edit", "Name", "Date", "Search", "Export", "Loading", "Error", "Required", "Select",
        "None", "Page", "Actions", "Details", "Settings", "User", "Users", "Password", "Sign", "Warning", "Critical",
        "Active", "Acknowledge", "Acknowledged", "Comment", "Reason", "Period", "Today", "Submit", "Approve", "Return",
        "Letter", "Plan", "Report", "Inspector", "Manager", "Supervisor", "Visitor", "Entry", "Exit", "Grant", "Review",
        "Schedule", "Overdue", "Backup", "Equipment", "Kind", "Location", "Site", "Permit", "Cancelled", "Pending",
        "Expired", "Close", "Open", "Back", "Next", "Previous", "Yes", "Add", "Remove", "Download", "Upload",
        "Show", "Hide", "Start", "Stop", "Reset", "History", "Alarms", "Devices", "Device", "Room",
        "Home", "Logout", "Login", "Email", "Remember", "Forgot", "Change", "New", "Created", "Updated", "Time", "Week",
        "Month", "Year", "Nothing", "Found", "Unknown", "Value", "Points", "Point", "Threshold", "Notes",
        "Note", "Findings", "Submitted", "Approved", "Returned", "Archived", "Draft", "Issued", "Revoked", "Published",
        "Due", "Done", "Completed", "Failed", "Passed", "Pass", "Fail", "Retry", "Verify", "Verified", "Integrity",
        "Intact", "Tampered", "Broken", "Online", "Offline", "Unreachable", "Lost", "Temperature", "Humidity", "Door",
        "Battery", "Power", "Load", "Input", "Output", "Voltage", "Current", "Frequency", "Escort", "Purpose", "Occupancy",
        "Inside", "Outside", "Correct", "Void", "Contact", "Visit", "Visits", "Request", "Decision",
        "the", "and", "with", "not", "of", "for", "to", "from", "by", "is", "are", "was", "has", "have", "this", "that",
        "yet", "all", "any", "your", "you", "please", "there", "here", "when", "which", "or",
    };

    /// <summary>SOP terms and role names the Indonesian UI keeps as they are (they are the SOP's own words).</summary>
    private static readonly string[] SopTerms =
    [
        "Surat Tugas", "Rencana Kerja", "Laporan", "Pengawas", "Pengelola", "Pemeriksa", "Operator", "Administrator",
        "Catatan", "Arsip", "Checklist", "SOP", "NIP", "DCIM", "DataCenterOps", "UPS", "PDU", "CRAC", "ATS", "SNMP",
        "Modbus", "PUE", "WITA", "English", "Bahasa Indonesia", "Hangfire",
    ];

    private static readonly (string Email, string Password, string Role)[] Accounts =
    [
        (WebAppFactory.AdminEmail, WebAppFactory.AdminPassword, Roles.Administrator),
        ("supervisor@dcops.local", DemoUsers.Password, Roles.Supervisor),
        ("pengelola@dcops.local", DemoUsers.Password, Roles.Manager),
        ("pemeriksa1@dcops.local", DemoUsers.Password, Roles.Inspector),
        ("operator@dcops.local", DemoUsers.Password, Roles.Operator),
        ("tenant.bapenda@dcops.local", DemoUsers.Password, Roles.Tenant),
    ];

    /// <summary>Page routes a signed-in person is sent away from or that end the session: not screens to read.</summary>
    private static readonly HashSet<string> NotScreens = new(StringComparer.Ordinal)
    {
        "/Account/Login", "/Account/Logout", "/Account/Lockout", "/Account/AccessDenied", "/Account/InvalidUser",
    };

    private readonly string _artefacts = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "indonesian");
    private BrowserApp? _app;

    private BrowserApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_artefacts);
        _app = await BrowserApp.StartAsync();
    }

    [Fact]
    public async Task EveryScreen_InIndonesian_ShowsNoEnglish_OutsideSopTermsAndProperNames()
    {
        var letterId = await IssuedLetterAsync();
        var names = await ProperNamesAsync();
        var pages = PageRoutes();
        Assert.True(pages.Count > 20, $"Only {pages.Count} page routes found.");
        var extra = new (string Route, string Policy)[]
        {
            ($"/letters/{letterId}", Policies.SignedIn), ($"/letters/{letterId}/print", Policies.SignedIn),
            ("/room/devices/ups-1", Policies.SignedIn),
        };

        var findings = new List<string>();
        var screens = 0;
        await ReadAnonymousScreensAsync(findings, names);
        foreach (var (email, password, role) in Accounts)
        {
            var page = await SignInAsync(email, password);
            foreach (var (route, policy) in pages.Concat(extra))
            {
                if (!MayOpen(role, policy))
                {
                    continue;
                }

                if (await ReadScreenAsync(page, role, route, names, findings))
                {
                    screens++;
                }
            }

            await page.Context.CloseAsync();
        }

        output.WriteLine($"{screens} screens read, {findings.Count} English words found");
        Assert.True(screens > 60, $"Only {screens} screens were read.");
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Distinct(StringComparer.Ordinal)));
    }

    private async Task ReadAnonymousScreensAsync(List<string> findings, IReadOnlyList<string> names)
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var route in new[] { "/Account/Login", "/Account/Lockout", "/Account/AccessDenied" })
        {
            await ReadScreenAsync(page, "anonymous", route, names, findings);
        }

        await context.CloseAsync();
    }

    /// <returns>False when the app sent the person elsewhere (a screen of another route, read there).</returns>
    private async Task<bool> ReadScreenAsync(IPage page, string role, string route, IReadOnlyList<string> names, List<string> findings)
    {
        var response = await page.GotoAsync(route);
        if (response is null || !response.Ok || page.Url.Contains("/Account/AccessDenied", StringComparison.Ordinal) && route != "/Account/AccessDenied")
        {
            output.WriteLine($"{role} {route}: {(response is null ? "no response" : (int)response.Status)} {page.Url}, skipped");
            return false;
        }

        // Interactive pages render their data once the circuit is up; static pages (account) have no circuit.
        try
        {
            await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            output.WriteLine($"{role} {route}: no interactive circuit (static page)");
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(_artefacts, $"{role}{FileName(route)}.png"), FullPage = true });
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        foreach (var finding in English(Cleaned(text, names)))
        {
            findings.Add($"{route} ({role}): \"{finding.Word}\" in \"…{finding.Context}…\"");
        }

        return true;
    }

    /// <summary>
    /// The text without proper names, SOP terms, e-mail addresses, URLs and identifiers that are interfaces, not words
    /// (configuration keys such as Qualifications:Required, point keys such as output.voltage, command lines such as
    /// "-- verify-pack"); longest names first.
    /// </summary>
    private static string Cleaned(string text, IReadOnlyList<string> names)
    {
        var cleaned = new StringBuilder(Identifier().Replace(EmailOrUrl().Replace(text, " "), " "));
        foreach (var name in names.Concat(SopTerms).OrderByDescending(n => n.Length))
        {
            cleaned.Replace(name, " ");
        }

        return cleaned.ToString();
    }

    private static IEnumerable<(string Word, string Context)> English(string text)
    {
        var flat = Whitespace().Replace(text, " ");
        foreach (Match word in Word().Matches(flat))
        {
            if (EnglishWords.Contains(word.Value))
            {
                var start = Math.Max(0, word.Index - 30);
                var end = Math.Min(flat.Length, word.Index + word.Length + 30);
                yield return (word.Value, flat[start..end].Trim());
            }
        }
    }

    /// <summary>Names the app holds as data: they are shown as written, in any language.</summary>
    private async Task<IReadOnlyList<string>> ProperNamesAsync()
    {
        using var scope = App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var names = new List<string>();
        // The seeded data (equipment and rooms, checklist templates, routine schedules: Domain/Seeding/ShippedNames) is
        // written in Seeding:Language, Indonesian here, so it is read like any other text: only the configured device
        // names and the template codes (keys in URLs and scripts) are taken out.
        names.AddRange(services.GetRequiredService<IOptions<MonitoringOptions>>().Value.Devices.SelectMany(d => new[] { d.Name, d.Id }));
        names.AddRange((await services.GetRequiredService<PeopleDirectory>().UsersWithRolesAsync())
            .SelectMany(u => new[] { u.User.DisplayName, u.User.Email ?? "", u.User.UserName ?? "" }));
        var templates = await services.GetRequiredService<WorkQueries>().TemplatesAsync();
        names.AddRange(templates.Select(t => t.Code));
        var tenants = await services.GetRequiredService<TenantQueries>().AllAsync();
        names.AddRange(tenants.SelectMany(t => new[] { t.Name, t.Code }.Concat(t.Contacts.Select(c => c.Name))));
        names.AddRange((await services.GetRequiredService<SiteQueries>().AllAsync()).SelectMany(s => new[] { s.Name, s.Code }));
        return names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>An issued Surat Tugas made through the Domain, as the Pengawas would.</summary>
    private async Task<Guid> IssuedLetterAsync()
    {
        using var scope = App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var people = services.GetRequiredService<PeopleDirectory>();
        var supervisor = (await people.InRoleAsync(Roles.Supervisor)).First(u => u.Email == "supervisor@dcops.local");
        var manager = (await people.InRoleAsync(Roles.Manager)).First(u => u.Email == "pengelola@dcops.local");
        var inspector = (await people.InRoleAsync(Roles.Inspector)).First(u => u.Email == "pemeriksa1@dcops.local");
        var equipment = (await services.GetRequiredService<EquipmentQueries>().ByNameAsync()).First(e => e.Kind == EquipmentKind.Ups);
        var actor = await people.ActorAsync(supervisor.Id);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var letters = services.GetRequiredService<AssignmentLetterService>();
        var letter = await letters.CreateDraftAsync(actor, new NewAssignmentLetter(
            "Pemeriksaan bulanan UPS", manager.Id, [inspector.Id], [equipment.Id], [], now.AddHours(-1), now.AddDays(7)));
        await letters.IssueAsync(actor, letter.Id);
        return letter.Id;
    }

    /// <summary>Every parameterless Razor page route with the policy it declares.</summary>
    private List<(string Route, string Policy)> PageRoutes() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Endpoint: e))
            .Where(r => !r.Route.Contains('{', StringComparison.Ordinal) && !NotScreens.Contains(r.Route))
            .DistinctBy(r => r.Route)
            .Select(r => (r.Route, r.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? "(anonymous)"
                : r.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy ?? Policies.AnyAccount))
            .OrderBy(r => r.Item1, StringComparer.Ordinal)
            .ToList();

    private static bool MayOpen(string role, string policy) => policy switch
    {
        "(anonymous)" or Policies.AnyAccount => true,
        _ when role == Roles.Tenant => policy == Policies.TenantPortal,
        Policies.SignedIn or Policies.ReportReaders or Policies.ChecklistReaders => true,
        Policies.PengawasDuties => role == Roles.Supervisor,
        _ => Policies.RolesOf.TryGetValue(policy, out var roles) && roles.Contains(role),
    };

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await App.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1440, Height = 900 },
            BaseURL = App.BaseUrl,
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    private async Task<IPage> SignInAsync(string email, string password)
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    private static string FileName(string route) =>
        route == "/" ? "-home" : Regex.Replace(route, "[^A-Za-z0-9]+", "-", RegexOptions.None, TimeSpan.FromSeconds(1)).TrimEnd('-').ToLowerInvariant();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [GeneratedRegex(@"[\w.+-]+@[\w.-]+|https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailOrUrl();

    [GeneratedRegex(@"[\w]+(?:[.:_][\w]+)+|--\s*\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
