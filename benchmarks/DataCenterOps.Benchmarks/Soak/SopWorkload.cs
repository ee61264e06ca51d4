using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataCenterOps.Benchmarks.Hosting;
using DataCenterOps.Benchmarks.Notifications;
using DataCenterOps.Domain.Access;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>
/// Access-register transitions driven through the real app over HTTP as the desk's browser would (the demo Operator
/// signed in through the login form, JSON posts with the antiforgery header): each staff member comes in on a one-off
/// grant, brings visitors in under escort, and leaves with them (one save closes them all); beside that, entries nobody
/// authorised, which the register refuses and records. Every acknowledged answer is kept, to be looked for after a kill.
/// </summary>
/// <remarks>
/// The grants are the one thing not made through the app: issuing one is a Blazor-circuit action (no HTTP endpoint),
/// so the soak writes them into dcops.db itself before a round, as a Pengawas would have issued them (not audited; the
/// checks never count on grant audit rows).
/// </remarks>
internal sealed class SopWorkload(WebAppProcess app, SopLedger ledger)
{
    private const string OperatorEmail = "operator@dcops.local";
    private const string DemoPassword = "Demo!2345";
    private const int GrantsPerMember = 60;
    private const int VisitorsPerEscort = 5;

    private static readonly string[] StaffEmails = ["supervisor@dcops.local", "pengelola@dcops.local", "pemeriksa1@dcops.local", "pemeriksa2@dcops.local"];

    private long _sent;
    private long _answered;
    private long _refused;
    private long _visitorNumber;
    private List<string>? _staff;
    private string? _nobody;

    /// <summary>Entries the app answered 201 for.</summary>
    public ConcurrentBag<Guid> Entries { get; } = [];

    /// <summary>Entries the app answered as closed by an exit (200).</summary>
    public ConcurrentBag<Guid> Exits { get; } = [];

    /// <summary>Answers other than 201, 200 and the expected 409 refusal, as "status path".</summary>
    public ConcurrentQueue<string> Unexpected { get; } = [];

    public long Sent => Interlocked.Read(ref _sent);

    public long Answered => Interlocked.Read(ref _answered);

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Signs the Operator in, gives every staff member fresh grants and lets out whoever an earlier round left inside.</summary>
    public async Task<HttpClient> PrepareAsync(CancellationToken ct)
    {
        _staff ??= [.. StaffEmails.Select(ledger.UserId)];
        _nobody ??= ledger.UserId(WebAppProcess.AdminEmail);
        WriteGrants(_staff, ledger.UserId(StaffEmails[0]));
        var client = await LiveMainsFailure.SignInAsync(app.BaseUrl, ct, OperatorEmail, DemoPassword);
        var inside = await client.GetFromJsonAsync<JsonElement>(new Uri(app.BaseUrl + "/api/access/occupancy"), ct);
        foreach (var entry in inside.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Staff"))
        {
            await ExitAsync(client, entry.GetProperty("id").GetGuid(), ct);
        }

        return client;
    }

    /// <summary>One worker per staff member plus two refused-entry workers, until <paramref name="ct"/> or the app stops answering.</summary>
    public Task DriveAsync(HttpClient client, CancellationToken ct) =>
        Task.WhenAll([.. _staff!.Select(id => Guarded(() => StaffAsync(client, id, ct))), Guarded(() => RefusedAsync(client, ct)), Guarded(() => RefusedAsync(client, ct))]);

    private async Task StaffAsync(HttpClient client, string userId, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var (status, body) = await PostAsync(client, "/api/access/entries/staff", new StaffEntryInput(userId, "soak: sop fault", null, []), ct);
            if (status != HttpStatusCode.Created)
            {
                Unexpected.Enqueue($"{(int)status} staff entry");
                return;
            }

            var entryId = body.GetProperty("id").GetGuid();
            Entries.Add(entryId);
            await Task.WhenAll(Enumerable.Range(0, VisitorsPerEscort).Select(_ => VisitorAsync(client, userId, ct)));
            await ExitAsync(client, entryId, ct);
        }
    }

    private async Task VisitorAsync(HttpClient client, string escortUserId, CancellationToken ct)
    {
        var number = Interlocked.Increment(ref _visitorNumber).ToString("D12", CultureInfo.InvariantCulture);
        var visitor = new VisitorEntryInput($"Tamu {number}", "Soak", "KTP", "6472" + number, true, "DC room", "soak: sop fault", escortUserId, []);
        var (status, body) = await PostAsync(client, "/api/access/entries/visitor", visitor, ct);
        if (status == HttpStatusCode.Created)
        {
            Entries.Add(body.GetProperty("id").GetGuid());
        }
        else
        {
            Unexpected.Enqueue($"{(int)status} visitor entry");
        }
    }

    private async Task ExitAsync(HttpClient client, Guid entryId, CancellationToken ct)
    {
        var (status, body) = await PostAsync(client, $"/api/access/entries/{entryId}/exit", new ExitInput([], WithVisitors: true), ct);
        if (status == HttpStatusCode.OK)
        {
            foreach (var closed in body.EnumerateArray())
            {
                Exits.Add(closed.GetGuid());
            }
        }
        else
        {
            Unexpected.Enqueue($"{(int)status} exit");
        }
    }

    /// <summary>The bench administrator has no letter and no grant: the register refuses the entry and records the refusal.</summary>
    private async Task RefusedAsync(HttpClient client, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var (status, _) = await PostAsync(client, "/api/access/entries/staff", new StaffEntryInput(_nobody!, "soak: no authorisation", null, []), ct);
            if (status == HttpStatusCode.Conflict)
            {
                Interlocked.Increment(ref _refused);
            }
            else
            {
                Unexpected.Enqueue($"{(int)status} unauthorised entry");
                return;
            }
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync<T>(HttpClient client, string path, T input, CancellationToken ct)
    {
        Interlocked.Increment(ref _sent);
        using var response = await client.PostAsJsonAsync(new Uri(app.BaseUrl + path), input, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Interlocked.Increment(ref _answered);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A worker ends when the app is killed under it (connection refused or reset) or the round is over.</summary>
    private static async Task Guarded(Func<Task> worker)
    {
        try
        {
            await worker();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The kill (or the end of the round): what was in flight is judged by the database, not by the answer.
        }
    }

    private void WriteGrants(IEnumerable<string> staff, string grantedBy)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(app.DataDirectory, "dcops.db"),
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var now = DateTime.UtcNow;
        foreach (var userId in staff)
        {
            for (var i = 0; i < GrantsPerMember; i++)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO AccessGrants (Id, UserId, Reason, GrantedById, GrantedAtUtc, ValidFromUtc, ValidUntilUtc, Version)
                    VALUES ($id, $user, 'soak: sop fault', $by, $from, $from, $until, $version)
                    """;
                command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString().ToUpperInvariant());
                command.Parameters.AddWithValue("$user", userId);
                command.Parameters.AddWithValue("$by", userId == grantedBy ? ledger.UserId(StaffEmails[1]) : grantedBy);
                command.Parameters.AddWithValue("$from", Stamp(now.AddMinutes(-1)));
                command.Parameters.AddWithValue("$until", Stamp(now.AddHours(2)));
                command.Parameters.AddWithValue("$version", Guid.NewGuid().ToString().ToUpperInvariant());
                command.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>EF Core's SQLite text form of a DateTime, so that the app's comparisons see the grant as valid.</summary>
    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
