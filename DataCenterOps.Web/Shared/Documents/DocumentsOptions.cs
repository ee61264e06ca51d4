using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>
/// Section "Documents": where the QR codes on letters and archived reports point (<see cref="VerifyBaseUrl"/> + /verify/CODE,
/// the address people outside reach the app at) and how often one client address may open /verify pages.
/// </summary>
public sealed class DocumentsOptions : IValidatableObject
{
    public const string SectionName = "Documents";

    /// <summary>The app's public address (default: the local one from appsettings.json's Urls).</summary>
    [Required]
    public string VerifyBaseUrl { get; set; } = "http://127.0.0.1:5080";

    [Range(1, 10_000)]
    public int VerifyPermitLimit { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan VerifyWindow { get; set; } = TimeSpan.FromMinutes(1);

    public string VerifyUrl(string code) => $"{VerifyBaseUrl.TrimEnd('/')}/verify/{Uri.EscapeDataString(code)}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(VerifyBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
        {
            yield return new ValidationResult("Documents:VerifyBaseUrl must be an absolute http(s) address without a query.", [nameof(VerifyBaseUrl)]);
        }
    }
}
