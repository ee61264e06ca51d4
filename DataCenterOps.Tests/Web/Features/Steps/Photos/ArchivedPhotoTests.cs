using System.IO.Compression;
using System.Net;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Photos;
using DataCenterOps.Domain.Verification;
using DataCenterOps.Tests.Domain.Photos;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web.Features.Steps.EvidencePack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Steps.Photos;

/// <summary>
/// A checklist photo through the real app: stored cleaned and by hash, named by that hash in the sealed report, printed in
/// the report PDF, carried in the evidence pack — and a photo file changed afterwards is caught by verify-evidence and the
/// /verify page although the report's own seal still holds.
/// </summary>
public sealed class ArchivedPhotoTests(ArchivedPhotoTests.Archived archived) : IClassFixture<ArchivedPhotoTests.Archived>
{
    [Fact]
    public void TheSealedReport_NamesThePhotoByItsHash()
    {
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestPhotos.Jpeg())) + ".jpg", archived.Reference);
        Assert.Contains(archived.Reference, archived.Record.CanonicalJson, StringComparison.Ordinal);
        Assert.Equal(TestPhotos.Jpeg(), File.ReadAllBytes(archived.PhotoPath)); // stored without its GPS
    }

    [Fact]
    public async Task TheReportPdf_ShowsThePhoto_AndThePackCarriesIt()
    {
        using var client = await SignInClient.ClientAsync(archived.Factory, Roles.Supervisor);
        var pdf = await client.GetByteArrayAsync($"/archive/{archived.Record.Id}/pdf");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var pack = await client.GetByteArrayAsync(EvidencePackTests.PackPath(today.AddDays(-1), today.AddDays(1)));

        // Read by poppler, not by our own writer: the QR code and the photo, and the photo's hash printed under it.
        Assert.True(await PdfTools.ImageCountAsync(pdf) >= 2);
        Assert.Contains("SHA-256 " + archived.Reference[..24], await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(pack), ZipArchiveMode.Read);
        var photo = zip.GetEntry($"photos/{archived.Reference}");
        Assert.NotNull(photo);
        Assert.Equal(TestPhotos.Jpeg().Length, photo.Length);
    }

    [Fact]
    public async Task AChangedPhotoFile_IsCaughtByVerifyEvidence_AndTheVerifyPage()
    {
        var (before, beforeOutput) = await VerifyEvidenceAsync();
        var code = await archived.Scenario.InScopeAsync(async sp =>
            (await sp.GetRequiredService<DocumentVerificationService>().ArchiveStampAsync(archived.Record.Id))!.Code);
        var original = await File.ReadAllBytesAsync(archived.PhotoPath);
        try
        {
            // Someone with access to the data folder swaps the photo for another one.
            await File.WriteAllBytesAsync(archived.PhotoPath, TestPhotos.Png());

            var (after, afterOutput) = await VerifyEvidenceAsync();
            var verified = await archived.Scenario.InScopeAsync(sp => sp.GetRequiredService<DocumentVerificationService>().VerifyAsync(code));
            var seal = await archived.Scenario.InScopeAsync(async sp => (await sp.GetRequiredService<ArchiveService>().ReadAsync(archived.Record.Id))!.Value.Integrity);

            Assert.True(before == VerifyEvidenceCommand.Intact, beforeOutput);
            Assert.Contains("photos: intact, 1 photo(s)", beforeOutput, StringComparison.Ordinal);
            Assert.True(after == VerifyEvidenceCommand.Tampered, afterOutput);
            Assert.Contains($"photos: TAMPERED archive #{archived.Record.Id}: photo {archived.Reference[..12]} changed", afterOutput, StringComparison.Ordinal);
            Assert.Equal(VerificationStatus.Altered, verified!.Status);
            Assert.Equal(IntegrityState.Intact, seal.State); // the row itself was not touched: only the photo check sees it
        }
        finally
        {
            await File.WriteAllBytesAsync(archived.PhotoPath, original);
        }
    }

    [Fact]
    public async Task APhoto_IsServedOnlyThroughTheChecklistThatAnswersWithIt()
    {
        using var client = await SignInClient.ClientAsync(archived.Factory, Roles.Supervisor);

        var own = await client.GetAsync($"/checklists/{archived.ExecutionId}/photos/{archived.Reference}");
        var other = await client.GetAsync($"/checklists/{Guid.NewGuid()}/photos/{archived.Reference}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/jpeg", own.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, other.StatusCode);
    }

    private async Task<(int Code, string Output)> VerifyEvidenceAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = archived.Factory.DataDirectory,
        }).Build();
        using var output = new StringWriter();
        var code = await VerifyEvidenceCommand.RunAsync([VerifyEvidenceCommand.Name], configuration, output);
        return (code, output.ToString());
    }

    /// <summary>One app with the room walk-through archived, its photo taken with GPS tags.</summary>
    public sealed class Archived : IAsyncLifetime
    {
        public WebAppFactory Factory { get; } = new();

        internal PhotoScenario Scenario { get; private set; } = null!;

        public ArchivedReport Record { get; private set; } = null!;

        public string Reference { get; private set; } = "";

        public Guid ExecutionId { get; private set; }

        public string PhotoPath => Path.Combine(Factory.DataDirectory, PhotoStore.FolderName, Reference);

        public async Task InitializeAsync()
        {
            _ = Factory.Server;
            Scenario = new PhotoScenario(Factory.Services);
            var (planId, executionId, photoItem) = await Scenario.PublishRoomPlanAsync();
            ExecutionId = executionId;
            Reference = await Scenario.AnswerPhotoAsync(executionId, photoItem, TestPhotos.JpegWithLocation());
            Record = await Scenario.FinishAndArchiveAsync(planId, executionId);
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
