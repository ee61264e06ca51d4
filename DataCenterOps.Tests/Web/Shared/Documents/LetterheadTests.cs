using System.ComponentModel.DataAnnotations;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Steps.Documents;
using DataCenterOps.Web.Shared.Documents;

namespace DataCenterOps.Tests.Web.Shared.Documents;

/// <summary>The kop from Documents:Letterhead: what it prints, its logo, and the checks at start.</summary>
public sealed class LetterheadTests
{
    [Fact]
    public async Task ConfiguredLines_AndTheLogo_ArePrinted_OnALetter()
    {
        using var folder = new TempDirectory();
        var logo = Path.Combine(folder.Path, "logo.png");
        await File.WriteAllBytesAsync(logo, VerificationQr.Png("logo", 4));
        var options = new LetterheadOptions
        {
            AgencyNames = ["PEMERINTAH KOTA CONTOH", "DINAS KOMINFO KOTA CONTOH", "BIDANG PERSANDIAN"],
            Address = "Jl. Merdeka No. 1",
            Phone = "(0541) 123456",
            City = "Contoh",
            PostalCode = "12345",
            LogoFile = logo,
        };
        Assert.Empty(Validate(options));
        var letterhead = new Letterhead(Microsoft.Extensions.Options.Options.Create(options));

        var pdf = LetterPdf.Write(Letter(), letterhead, verification: null);
        var text = await PdfTools.TextAsync(pdf);

        Assert.Contains("PEMERINTAH KOTA CONTOH", text, StringComparison.Ordinal);
        Assert.Contains("BIDANG PERSANDIAN", text, StringComparison.Ordinal);
        Assert.Contains("Jl. Merdeka No. 1 Telp. (0541) 123456", text, StringComparison.Ordinal);
        Assert.Contains("CONTOH, 12345", text, StringComparison.Ordinal);
        Assert.Contains("Contoh, ", text, StringComparison.Ordinal);
        Assert.Contains("Halaman 1 dari 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("KALIMANTAN TIMUR", text, StringComparison.Ordinal);
        Assert.Equal(1, await PdfTools.ImageCountAsync(pdf));
    }

    [Fact]
    public void Defaults_AreTheDinasKominfoKaltim_AsOnTheSopsOwnPage()
    {
        var options = new LetterheadOptions();

        Assert.Empty(Validate(options));
        Assert.Equal(["PEMERINTAH PROVINSI KALIMANTAN TIMUR", "DINAS KOMUNIKASI DAN INFORMATIKA"], options.Lines);
        Assert.Equal("Jln. Basuki Rahmat No.41 Telp. (0541) 731963", options.AddressLine);
        Assert.Equal("SAMARINDA, 75112", options.CityLine);
    }

    [Fact]
    public void AMissingOrForeignLogoFile_IsRefusedAtStart()
    {
        using var folder = new TempDirectory();
        var text = folder.Write("logo.png", "not an image");

        Assert.Contains(Validate(new LetterheadOptions { LogoFile = Path.Combine(folder.Path, "missing.png") }), r => r.ErrorMessage!.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(Validate(new LetterheadOptions { LogoFile = text }), r => r.ErrorMessage!.Contains("neither PNG nor JPEG", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("ftp://example.org")]
    [InlineData("https://example.org/?a=1")]
    public void AVerifyBaseUrlThatIsNotAnHttpAddress_IsRefusedAtStart(string url) =>
        Assert.NotEmpty(Validate(new DocumentsOptions { VerifyBaseUrl = url }));

    [Fact]
    public void VerifyUrl_IsTheBaseAndTheCode() =>
        Assert.Equal("https://dcops.example.go.id/verify/abc", new DocumentsOptions { VerifyBaseUrl = "https://dcops.example.go.id/" }.VerifyUrl("abc"));

    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    private static LetterDocument Letter()
    {
        var day = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Unspecified);
        return new LetterDocument(Guid.NewGuid(), "065.2/1/Diskominfo/2026", SopState.LetterIssued, "Pemeliharaan UPS",
            new LetterPerson("Pengawas Contoh", null, LetterTerms.SignatoryPosition), [new LetterPerson("Pengelola Contoh", null, LetterTerms.ManagerPosition)],
            ["seluruh UPS"], day, day.AddDays(7), day, null);
    }
}
