using System.Net;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web.Features.Steps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Access;

/// <summary>
/// UU 27/2022 over HTTP against the real app: a visitor's ID number is masked (last 4 digits) in the log, in the CSV and
/// PDF exports and in the audit trail; the entry's own page shows it in full to the Pengawas and the Administrator only;
/// every export is audited with who, when and the range; the CSV comes in the reader's spreadsheet dialect.
/// </summary>
public sealed class PersonalDataTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Masked = "************";

    [Fact]
    public async Task AccessLogPage_ShowsTheVisitorsIdNumber_MaskedToItsLastFourDigits()
    {
        var (entryId, number) = await VisitorAsync();
        using var supervisor = await SignInClient.ClientAsync(app, Roles.Supervisor);

        var html = await supervisor.GetStringAsync("/access/log");

        Assert.Contains($"KTP {Masked}{number[^4..]}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(number, html, StringComparison.Ordinal);
        Assert.Contains($"/access/entries/{entryId}", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Operator, false)]
    [InlineData(Roles.Manager, false)]
    [InlineData(Roles.Inspector, false)]
    public async Task EntryPage_ShowsTheFullIdNumber_OnlyToThePengawasAndTheAdministrator(string role, bool full)
    {
        var (entryId, number) = await VisitorAsync();
        using var client = await SignInClient.ClientAsync(app, role);

        using var response = await client.GetAsync($"/access/entries/{entryId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Budi Santoso", html, StringComparison.Ordinal);
        if (full)
        {
            Assert.Contains($"KTP {number}", html, StringComparison.Ordinal);
            Assert.DoesNotContain("entry-id-masked", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(number, html, StringComparison.Ordinal);
            Assert.Contains($"KTP {Masked}{number[^4..]}", html, StringComparison.Ordinal);
            Assert.Contains("entry-id-masked", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CsvExport_InIndonesian_IsSemicolonSeparatedWithABom_MasksTheIdNumber_AndIsAudited()
    {
        var (_, number) = await VisitorAsync();
        using var supervisor = await SignInClient.ClientAsync(app, Roles.Supervisor);
        var supervisorId = await UserIdAsync("supervisor@dcops.local");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var query = $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";

        using var response = await supervisor.GetAsync($"/api/access/log.csv?{query}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("Masuk;Keluar;Jenis;Nama;Instansi;Identitas;", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains($";KTP {Masked}{number[^4..]};", StringComparison.Ordinal));
        Assert.DoesNotContain(number, text, StringComparison.Ordinal);
        var audit = await LastExportAsync(supervisorId);
        Assert.Contains("\"Format\":\"csv\"", audit.AfterJson, StringComparison.Ordinal);
        // The range as the filter applied it: local days of the display zone, in UTC.
        var clock = app.Services.GetRequiredService<DataCenterOps.Web.Shared.Display.DisplayClock>();
        var fromUtc = DataCenterOps.Web.Features.Access.AccessPeriod.StartOfDayUtc(today.AddDays(-1), clock);
        Assert.StartsWith(fromUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "..", audit.EntityId, StringComparison.Ordinal);
        Assert.Contains("\"Rows\":", audit.AfterJson, StringComparison.Ordinal);
        Assert.True(audit.AtUtc > DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task CsvExport_InEnglish_IsCommaSeparated_StillWithTheBom()
    {
        await VisitorAsync();
        using var operatorClient = await SignInClient.ClientAsync(app, Roles.Operator);
        using var culture = await operatorClient.GetAsync("/culture/set?culture=en-US&redirectUri=/");

        var bytes = await operatorClient.GetByteArrayAsync("/api/access/log.csv");
        var header = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n")[0];

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("In,Out,", header, StringComparison.Ordinal);
        Assert.DoesNotContain(";", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfExport_MasksTheIdNumber_CarriesTheLetterheadAndPageNumbers_AndIsAudited()
    {
        var (_, number) = await VisitorAsync();
        using var manager = await SignInClient.ClientAsync(app, Roles.Manager);
        var managerId = await UserIdAsync("pengelola@dcops.local");

        var text = await PdfTools.TextAsync(await manager.GetByteArrayAsync("/api/access/log.pdf"));

        Assert.Contains(number[^4..], text, StringComparison.Ordinal);
        Assert.DoesNotContain(number, text, StringComparison.Ordinal);
        Assert.Contains("DINAS KOMUNIKASI DAN INFORMATIKA", text, StringComparison.Ordinal);
        Assert.Matches(@"Halaman 1 dari \d+", text);
        Assert.Contains("\"Format\":\"pdf\"", (await LastExportAsync(managerId)).AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditTrail_OfAVisitorsEntry_KeepsTheIdNumberMasked()
    {
        var number = "64720101" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var scenario = await DocumentScenario.CreateAsync(app);
        var supervisor = await scenario.ActorAsync(scenario.Supervisor);
        var entryId = await scenario.VisitorEntryAsync(number);

        await scenario.InScopeAsync(sp => sp.GetRequiredService<DataCenterOps.Domain.Access.AccessRegisterService>()
            .CorrectAsync(supervisor, entryId, new DataCenterOps.Domain.Access.EntryCorrection(null, null, "Servis UPS dan baterai", "Keperluan dilengkapi")));
        var audit = await scenario.InScopeAsync(sp => sp.GetRequiredService<DataCenterOpsDbContext>().Set<AuditEntry>()
            .Where(a => a.EntityId == entryId.ToString()).ToListAsync());

        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain(number, (a.BeforeJson ?? "") + (a.AfterJson ?? ""), StringComparison.Ordinal));
        Assert.Contains(audit, a => (a.AfterJson ?? "").Contains(number[^4..], StringComparison.Ordinal));
    }

    private async Task<(Guid EntryId, string Number)> VisitorAsync()
    {
        var number = "64720101" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var scenario = await DocumentScenario.CreateAsync(app);
        return (await scenario.VisitorEntryAsync(number), number);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<AuditEntry> LastExportAsync(string actorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>().Set<AuditEntry>()
            .Where(a => a.Action == "PersonalDataExported" && a.ActorId == actorId).OrderByDescending(a => a.Id).FirstAsync();
    }
}
