using System.Net;
using System.Text.RegularExpressions;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Steps;

/// <summary>
/// The Surat Tugas and the archived Laporan as the real app serves them, read back with poppler's pdftotext and zbarimg:
/// the kop from configuration, "Halaman 1 dari N", NIPs, the approval block, no stray "-", and a QR code whose link opens
/// the public /verify page (anonymous) for valid, revoked and unknown codes.
/// </summary>
public sealed partial class SignableDocumentTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task LetterPdf_CarriesTheLetterhead_PageNumbers_TheNip_AndAQrCodeToItsVerifyPage()
    {
        var scenario = await ReadyAsync();
        var letterId = await scenario.IssueLetterAsync();
        using var supervisor = await SignInClient.ClientAsync(app, Roles.Supervisor);

        var pdf = await supervisor.GetByteArrayAsync($"/letters/{letterId}/pdf");
        var text = await PdfTools.TextAsync(pdf);

        Assert.Contains("PEMERINTAH PROVINSI KALIMANTAN TIMUR", text, StringComparison.Ordinal);
        Assert.Contains("DINAS KOMUNIKASI DAN INFORMATIKA", text, StringComparison.Ordinal);
        Assert.Contains("Jln. Basuki Rahmat No.41 Telp. (0541) 731963", text, StringComparison.Ordinal);
        Assert.Contains("SAMARINDA, 75112", text, StringComparison.Ordinal);
        Assert.Matches(@"Halaman 1 dari \d", text);
        Assert.Contains("NIP. 19640627 199003 1 006", text, StringComparison.Ordinal);
        Assert.Contains("Samarinda, ", text, StringComparison.Ordinal);
        AssertNoStrayDash(text);
        var url = Assert.Single(await PdfTools.QrCodesAsync(pdf));
        Assert.StartsWith("http://127.0.0.1:5080/verify/", url, StringComparison.Ordinal);
        Assert.Contains(url, text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // The same code on every print: it is stored with the letter, not made anew.
        var again = Assert.Single(await PdfTools.QrCodesAsync(await supervisor.GetByteArrayAsync($"/letters/{letterId}/pdf")));
        Assert.Equal(url, again);
        await ShotAsync(pdf, "surat-tugas");
    }

    [Fact]
    public async Task DraftLetterPdf_HasNoQrCode_ItIsNotADocumentYet()
    {
        var scenario = await ReadyAsync();
        var supervisor = await scenario.ActorAsync(scenario.Supervisor);
        var draft = await scenario.InScopeAsync(sp => sp.GetRequiredService<DataCenterOps.Domain.Assignments.AssignmentLetterService>().CreateDraftAsync(supervisor,
            new DataCenterOps.Domain.Assignments.NewAssignmentLetter("Konsep", scenario.Manager, [scenario.Inspector], [],
                [DataCenterOps.Domain.Facilities.EquipmentKind.Ups], DateTime.UtcNow, DateTime.UtcNow.AddDays(1))));
        using var client = await SignInClient.ClientAsync(app, Roles.Supervisor);

        var pdf = await client.GetByteArrayAsync($"/letters/{draft.Id}/pdf");

        Assert.Empty(await PdfTools.QrCodesAsync(pdf));
        Assert.Contains("KONSEP", await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPdf_EndsWithTheInspectorsAndTheReviewersApprovalBlocks_AndPrintsNoStrayDash()
    {
        var scenario = await ReadyAsync();
        var archived = await scenario.ArchiveReportAsync();
        using var manager = await SignInClient.ClientAsync(app, Roles.Manager);

        var pdf = await manager.GetByteArrayAsync($"/archive/{archived.Id}/pdf");
        var text = await PdfTools.TextAsync(pdf);

        Assert.Contains("DINAS KOMUNIKASI DAN INFORMATIKA", text, StringComparison.Ordinal);
        Assert.Contains("SAMARINDA, 75112", text, StringComparison.Ordinal);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        Assert.Contains($"Halaman 1 dari {pages}", text, StringComparison.Ordinal);
        Assert.Contains($"Halaman {pages} dari {pages}", text, StringComparison.Ordinal);
        // The approval block ends the last page: reporter and approver side by side, with name, NIP and date, then the Catatan.
        var last = text.Split('\f', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.Contains("Pengesahan", last, StringComparison.Ordinal);
        Assert.Matches(@"Dilaporkan oleh,\s+Disetujui oleh,", last);
        Assert.Matches(@"Pemeriksa TIK\s+Pengawas Infrastruktur TIK", last);
        Assert.Matches(@"Pemeriksa Satu\s+Pengawas Demo", last);
        Assert.Matches(@"NIP\. 19880101 201503 1 002\s+NIP\. 19640627 199003 1 006", last);
        Assert.Equal(2, Regex.Matches(last, @"Tanggal: \d{1,2} \w+ \d{4}").Count);
        Assert.Contains($"Catatan: {DocumentScenario.ApprovalNotes}", last, StringComparison.Ordinal);
        Assert.True(last.IndexOf("Pengesahan", StringComparison.Ordinal) > last.IndexOf("Dicetak", StringComparison.Ordinal), "the approval block comes last");
        AssertNoStrayDash(text);
        var url = Assert.Single(await PdfTools.QrCodesAsync(pdf));
        Assert.StartsWith("http://127.0.0.1:5080/verify/", url, StringComparison.Ordinal);
        await ShotAsync(pdf, "laporan");
    }

    [Fact]
    public async Task Verify_IsOpenWithoutSignIn_AndShowsWhatTheLetterShows_AndThatItIsValid()
    {
        var scenario = await ReadyAsync();
        var letterId = await scenario.IssueLetterAsync();
        using var supervisor = await SignInClient.ClientAsync(app, Roles.Supervisor);
        var path = new Uri(Assert.Single(await PdfTools.QrCodesAsync(await supervisor.GetByteArrayAsync($"/letters/{letterId}/pdf")))).AbsolutePath;
        var number = await scenario.InScopeAsync(sp => sp.GetRequiredService<DataCenterOpsDbContext>().AssignmentLetters
            .Where(l => l.Id == letterId).Select(l => l.Number!).SingleAsync());
        using var anonymous = await SignInClient.ClientAsync(app, null);

        using var response = await anonymous.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-status=\"Valid\"", html, StringComparison.Ordinal);
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("Pengawas Demo", html, StringComparison.Ordinal);
        Assert.Contains("Pemeriksa Satu", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"verify-fingerprint\"[^>]*>[0-9a-f]{64}<", html);
        // Only what the paper shows: no NIP, no agenda, no links into the app.
        Assert.DoesNotContain("19640627", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Pemeliharaan bulanan UPS", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Account/Logout", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SaysSo_WhenTheLetterHasBeenRevoked()
    {
        var scenario = await ReadyAsync();
        var letterId = await scenario.IssueLetterAsync();
        using var supervisor = await SignInClient.ClientAsync(app, Roles.Supervisor);
        var path = new Uri(Assert.Single(await PdfTools.QrCodesAsync(await supervisor.GetByteArrayAsync($"/letters/{letterId}/pdf")))).AbsolutePath;
        await scenario.RevokeAsync(letterId);
        using var anonymous = await SignInClient.ClientAsync(app, null);

        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync(path));

        Assert.Contains("data-status=\"Revoked\"", html, StringComparison.Ordinal);
        Assert.Contains("DICABUT", html, StringComparison.Ordinal);
        Assert.Contains("Dicabut pada", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("1")]
    [InlineData("not-a-code%27%20OR%201%3D1")]
    public async Task Verify_OfACodeNobodyIssued_SaysItIsUnknown(string code)
    {
        using var anonymous = await SignInClient.ClientAsync(app, null);

        using var response = await anonymous.GetAsync($"/verify/{code}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"verify-unknown\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-status=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_OfAnArchivedReport_ShowsItsHash_AndThatItIsIntact()
    {
        var scenario = await ReadyAsync();
        var archived = await scenario.ArchiveReportAsync();
        using var manager = await SignInClient.ClientAsync(app, Roles.Manager);
        var path = new Uri(Assert.Single(await PdfTools.QrCodesAsync(await manager.GetByteArrayAsync($"/archive/{archived.Id}/pdf")))).AbsolutePath;
        using var anonymous = await SignInClient.ClientAsync(app, null);

        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync(path));

        Assert.Contains("data-status=\"Valid\"", html, StringComparison.Ordinal);
        Assert.Contains(archived.Hash, html, StringComparison.Ordinal);
        // The link's code is never the database id (a random code may still begin with its digits).
        Assert.NotEqual(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{archived.Id}"), path.Split('/')[^1]);
        Assert.DoesNotContain(DocumentScenario.ApprovalNotes, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nip_IsChangedByTheAdministratorOnly_StoredInThePrintedGrouping_AndAudited()
    {
        var scenario = await DocumentScenario.CreateAsync(app);
        var admin = await scenario.ActorAsync(scenario.Administrator);
        var supervisor = await scenario.ActorAsync(scenario.Supervisor);
        var operatorId = await scenario.InScopeAsync(sp => sp.GetRequiredService<DataCenterOpsDbContext>().Users
            .Where(u => u.Email == "operator@dcops.local").Select(u => u.Id).SingleAsync());

        var stored = await scenario.InScopeAsync(sp => sp.GetRequiredService<PersonnelRecords>().SetNipAsync(admin, operatorId, "19900202 201801 2 003"));
        var wrongRole = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            scenario.InScopeAsync(sp => sp.GetRequiredService<PersonnelRecords>().SetNipAsync(supervisor, operatorId, "199002022018012004")));
        var invalid = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            scenario.InScopeAsync(sp => sp.GetRequiredService<PersonnelRecords>().SetNipAsync(admin, operatorId, "1990-02-02")));
        var audited = await scenario.InScopeAsync(sp => sp.GetRequiredService<DataCenterOpsDbContext>().Set<AuditEntry>()
            .Where(a => a.Action == "NipChanged" && a.EntityId == operatorId).ToListAsync());

        Assert.Equal("19900202 201801 2 003", stored);
        Assert.Equal(SopError.WrongRole, wrongRole.Code);
        Assert.Equal("InvalidNip", invalid.MessageKey);
        var entry = Assert.Single(audited);
        Assert.Equal(admin.UserId, entry.ActorId);
        Assert.Contains("19900202 201801 2 003", entry.AfterJson, StringComparison.Ordinal);
    }

    /// <summary>The demo people with their NIPs, set as the Administrator sets them.</summary>
    private async Task<DocumentScenario> ReadyAsync()
    {
        var scenario = await DocumentScenario.CreateAsync(app);
        var admin = await scenario.ActorAsync(scenario.Administrator);
        await scenario.InScopeAsync(sp => sp.GetRequiredService<PersonnelRecords>().SetNipAsync(admin, scenario.Supervisor, DocumentScenario.SupervisorNip));
        await scenario.InScopeAsync(sp => sp.GetRequiredService<PersonnelRecords>().SetNipAsync(admin, scenario.Inspector, DocumentScenario.InspectorNip));
        return scenario;
    }

    /// <summary>A hyphen standing alone (an empty field printed as "-"); hyphens inside words and numbers are fine.</summary>
    private static void AssertNoStrayDash(string text)
    {
        var stray = StrayDash().Matches(text).Select(m => text.Substring(Math.Max(0, m.Index - 30), Math.Min(60, text.Length - Math.Max(0, m.Index - 30)))).ToList();
        Assert.True(stray.Count == 0, "stray '-' at: " + string.Join(" | ", stray));
    }

    /// <summary>With DCOPS_DOC_SHOTS set, the PDF and its pages as PNG there (to look at them).</summary>
    private static async Task ShotAsync(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("DCOPS_DOC_SHOTS") is { Length: > 0 } directory)
        {
            await PdfTools.RenderAsync(pdf, directory, name);
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}\-])-(?![\p{L}\p{N}\-])")]
    private static partial Regex StrayDash();
}
