using System.Net;
using System.Text.RegularExpressions;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.People;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Steps;

/// <summary>
/// Plh./Plt. in the real app: the review queue opens for a stand-in only while the delegation runs, and the Surat
/// Tugas and the archived Laporan he signed print "Plh. Pengawas Infrastruktur TIK" (or "Plt. …") above his name
/// (read back with poppler's pdftotext).
/// </summary>
public sealed class StandInDocumentTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    /// <summary>The demo Operator: holds no SOP role, so whatever he may do here comes from the delegation.</summary>
    private const string StandInName = "Operator Demo";

    [Fact]
    public async Task StandIn_OpensTheReviewQueue_AndIssuesALetter_PrintedAsPlhPengawas()
    {
        var scenario = await DocumentScenario.CreateAsync(app);
        using var standInClient = await SignInClient.ClientAsync(app, Roles.Operator);
        using var before = await standInClient.GetAsync("/reviews");
        var standIn = await DelegateAsync(scenario, StandInKind.Plh);
        try
        {
            using var during = await standInClient.GetAsync("/reviews");
            var letterId = await scenario.IssueLetterAsync(await scenario.ActorAsync(await OperatorIdAsync(scenario)));
            using var supervisor = await SignInClient.ClientAsync(app, Roles.Supervisor);
            var text = await PdfTools.TextAsync(await supervisor.GetByteArrayAsync($"/letters/{letterId}/pdf"));

            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
            Assert.Contains("AccessDenied", before.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, during.StatusCode);
            // pdftotext lays the signature column beside the body, so other words may sit between title and name.
            var title = text.IndexOf("Plh. Pengawas Infrastruktur TIK,", StringComparison.Ordinal);
            Assert.True(title >= 0, text);
            Assert.True(text.IndexOf(StandInName, title, StringComparison.Ordinal) > title, text);
            Assert.DoesNotContain("Pengawas Demo", text, StringComparison.Ordinal);
        }
        finally
        {
            await EndAsync(scenario, standIn);
        }

        using var after = await standInClient.GetAsync("/reviews");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task ReportApprovedByAPlt_PrintsPltPengawasAndHisName_InTheApprovalBlock()
    {
        var scenario = await DocumentScenario.CreateAsync(app);
        var standIn = await DelegateAsync(scenario, StandInKind.Plt);
        try
        {
            var archived = await scenario.ArchiveReportAsync(approver: await scenario.ActorAsync(await OperatorIdAsync(scenario)));
            using var manager = await SignInClient.ClientAsync(app, Roles.Manager);
            var text = await PdfTools.TextAsync(await manager.GetByteArrayAsync($"/archive/{archived.Id}/pdf"));
            var last = text.Split('\f', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

            Assert.Matches(@"Pemeriksa TIK\s+Plt\. Pengawas Infrastruktur TIK", last);
            Assert.Matches(@"Pemeriksa Satu\s+" + StandInName, last);
            Assert.Matches(new Regex(@"Plt\. " + StandInName), text.Replace("\n", " ", StringComparison.Ordinal));
        }
        finally
        {
            await EndAsync(scenario, standIn);
        }
    }

    private static Task<string> OperatorIdAsync(DocumentScenario scenario) => scenario.InScopeAsync(async sp =>
        (await sp.GetRequiredService<PeopleDirectory>().InRoleAsync(Roles.Operator)).Single(u => u.Email == "operator@dcops.local").Id);

    private static async Task<StandIn> DelegateAsync(DocumentScenario scenario, StandInKind kind)
    {
        var supervisor = await scenario.ActorAsync(scenario.Supervisor);
        var operatorId = await OperatorIdAsync(scenario);
        return await scenario.InScopeAsync(sp => sp.GetRequiredService<StandInService>().DelegateAsync(supervisor,
            new NewStandIn(operatorId, kind, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddDays(3), "Dinas luar kota ke Balikpapan")));
    }

    private static async Task EndAsync(DocumentScenario scenario, StandIn standIn)
    {
        var supervisor = await scenario.ActorAsync(scenario.Supervisor);
        await scenario.InScopeAsync(sp => sp.GetRequiredService<StandInService>().EndAsync(supervisor, standIn.Id));
    }
}
