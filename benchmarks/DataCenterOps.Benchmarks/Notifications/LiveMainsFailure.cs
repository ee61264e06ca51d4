using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataCenterOps.Benchmarks.Dashboard;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Benchmarks.Hosting;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web.Features.Routine.Notifications;

namespace DataCenterOps.Benchmarks.Notifications;

/// <summary>
/// The real app (its own process, simulated room polled every second) with every channel pointed at a local peer: an
/// SMTP sink, a webhook receiver and Debian's prometheus-alertmanager. The simulator's <c>mains-failure</c> scenario
/// runs until the incident is open, then stops; figures: alarms raised, messages per channel, and the time from the
/// first alarm to the Alertmanager holding it (its own <c>updatedAt</c>).
/// </summary>
internal static partial class LiveMainsFailure
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        await using var smtp = new SmtpSink();
        await using var webhook = new WebhookReceiver(FreePorts.Tcp());
        await using var alertmanager = await AlertmanagerProcess.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp__From"] = "dcops@bench.local",
            ["Notifications__Webhooks__0__Url"] = webhook.Url,
            ["Notifications__Webhooks__0__Secret"] = "bench-webhook-secret-0123456789",
            ["Notifications__Alertmanager__Url"] = alertmanager.Url.ToString().TrimEnd('/'),
            ["Bootstrap__SeedDemoData"] = "true",
        };
        await using var app = new WebAppProcess(Browsers.FindRepositoryRoot(), environment: settings);
        await app.StartAsync(cancellationToken);
        using var client = await SignInAsync(app.BaseUrl, cancellationToken);

        // Let the room settle (a fresh start may raise and clear alarms of its own), then count from here.
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        var mailsBefore = smtp.Messages.Count;
        var hooksBefore = webhook.Posts.Count;
        using (var started = await client.PostAsync(new Uri(app.BaseUrl + "/api/v1/simulator/scenarios/mains-failure/start"), null, cancellationToken))
        {
            started.EnsureSuccessStatusCode();
        }

        var firstAlarm = await EventuallyAsync(async () =>
        {
            var alarms = await client.GetFromJsonAsync<JsonElement>(new Uri(app.BaseUrl + "/api/v1/alarms"), cancellationToken);
            var raised = alarms.EnumerateArray().Select(a => a.GetProperty("raisedAt").GetDateTimeOffset()).ToList();
            return raised.Count == 0 ? (DateTimeOffset?)null : raised.Min();
        }, cancellationToken);
        var seenAt = await EventuallyAsync(async () => await FirstUpdatedAtAsync(alertmanager, cancellationToken), cancellationToken);

        // Keep the outage on a little longer (battery low, genset), then restore the mains; note the most alarms active at once.
        var mostActive = 0;
        var alertsHeld = 0;
        var outage = Stopwatch.StartNew();
        while (outage.Elapsed < TimeSpan.FromSeconds(20))
        {
            mostActive = Math.Max(mostActive, (await client.GetFromJsonAsync<JsonElement>(new Uri(app.BaseUrl + "/api/v1/alarms"), cancellationToken)).GetArrayLength());
            alertsHeld = Math.Max(alertsHeld, (await AlertsAsync(alertmanager, cancellationToken)).Count);
            await Task.Delay(250, cancellationToken);
        }

        using (var stopped = await client.PostAsync(new Uri(app.BaseUrl + "/api/v1/simulator/scenarios/mains-failure/stop"), null, cancellationToken))
        {
            stopped.EnsureSuccessStatusCode();
        }

        await EventuallyAsync(async () =>
        {
            var alarms = await client.GetFromJsonAsync<JsonElement>(new Uri(app.BaseUrl + "/api/v1/alarms"), cancellationToken);
            return alarms.GetArrayLength() == 0 ? (bool?)true : null;
        }, cancellationToken);
        // The closing messages follow the last clear on the notification loop.
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        var alerts = await AlertsAsync(alertmanager, cancellationToken);

        var mails = smtp.Messages.Skip(mailsBefore).ToList();
        var hooks = webhook.Posts.Skip(hooksBefore).ToList();
        var hookKinds = hooks.Select(h => KindPattern().Match(h.Body) is { Success: true } m ? m.Groups[1].Value : "?").ToList();
        // The resolved notice lists every alarm the incident grouped.
        var grouped = hooks.Where(h => h.Body.Contains("\"incidentResolved\"", StringComparison.Ordinal))
            .Select(h => JsonDocument.Parse(h.Body).RootElement.GetProperty("alarms").GetArrayLength()).DefaultIfEmpty(0).Max();
        return
        [
            new("live: alarms the incident grouped (from its resolved notice)", grouped, "alarms"),
            new("live: most alarms active at once (sampled every 250 ms)", mostActive, "alarms"),
            new("live: e-mail messages (SMTP DATA)", mails.Count, "messages"),
            new("live: e-mail recipients (RCPT, all messages)", mails.Sum(m => m.Recipients), "recipients"),
            new("live: webhook posts", hooks.Count, "posts"),
            new("live: of which webhook incidentOpened", hookKinds.Count(k => k == "incidentOpened"), "posts"),
            new("live: of which webhook incidentResolved", hookKinds.Count(k => k == "incidentResolved"), "posts"),
            new("live: Alertmanager alerts held during the outage (most at once)", alertsHeld, "alerts"),
            new("live: Alertmanager alerts still active after the outage (resolved by endsAt)", alerts.Count, "alerts"),
            new("live: first alarm raised → Alertmanager updatedAt", Math.Round((seenAt - firstAlarm).TotalMilliseconds), "ms"),
            new("live: poll interval of the simulated devices", 1, "s"),
        ];
    }

    /// <summary>Signs in through the login form as a browser would (admin by default); the client carries the cookie and the antiforgery header.</summary>
    internal static async Task<HttpClient> SignInAsync(string baseUrl, CancellationToken cancellationToken, string email = WebAppProcess.AdminEmail, string password = WebAppProcess.AdminPassword)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var login = await client.GetStringAsync(new Uri(baseUrl + "/Account/Login"), cancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(login).Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var signedIn = await client.PostAsync(new Uri(baseUrl + "/Account/Login"), form, cancellationToken);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)signedIn.StatusCode}.");
        }

        var home = await client.GetStringAsync(new Uri(baseUrl + "/"), cancellationToken);
        client.DefaultRequestHeaders.Add("RequestVerificationToken", WebUtility.HtmlDecode(TokenPattern().Match(home).Groups[1].Value));
        return client;
    }

    /// <summary>Every alert the Alertmanager holds, active and resolved.</summary>
    private static async Task<IReadOnlyList<JsonElement>> AlertsAsync(AlertmanagerProcess alertmanager, CancellationToken cancellationToken)
    {
        var alerts = await alertmanager.Client.GetFromJsonAsync<JsonElement>(
            new Uri(alertmanager.Url, "/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true"), cancellationToken);
        return [.. alerts.EnumerateArray()];
    }

    /// <summary>The earliest <c>updatedAt</c> (when it received the alert) of what it holds; null while it holds nothing.</summary>
    private static async Task<DateTimeOffset?> FirstUpdatedAtAsync(AlertmanagerProcess alertmanager, CancellationToken cancellationToken)
    {
        var alerts = await AlertsAsync(alertmanager, cancellationToken);
        return alerts.Count == 0 ? null : alerts.Min(a => a.GetProperty("updatedAt").GetDateTimeOffset());
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, CancellationToken cancellationToken)
        where T : struct
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("The simulated outage did not show in time.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("\"kind\"\\s*:\\s*\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex KindPattern();
}
