using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>
/// Section "Documents:Letterhead": the kop surat on every PDF, as on the SOP's own page — the agency names (one line
/// each, largest last), the address with the phone, the city with its postal code, and an optional logo (PNG or JPEG,
/// a path relative to the working directory or absolute), checked at start. The defaults are the Dinas Kominfo Provinsi
/// Kalimantan Timur's, as in appsettings.json.
/// </summary>
public sealed class LetterheadOptions : IValidatableObject
{
    public const string SectionName = "Documents:Letterhead";

    /// <summary>Used when the configuration names none (a configured list replaces them, it is not added to them).</summary>
    public static readonly IReadOnlyList<string> DefaultAgencyNames = ["PEMERINTAH PROVINSI KALIMANTAN TIMUR", "DINAS KOMUNIKASI DAN INFORMATIKA"];

    [MaxLength(4)]
    public List<string> AgencyNames { get; set; } = [];

    [Required, MaxLength(200)]
    public string Address { get; set; } = "Jln. Basuki Rahmat No.41";

    [MaxLength(60)]
    public string Phone { get; set; } = "(0541) 731963";

    /// <summary>The city as written in a letter's place and date ("Samarinda, 3 Agustus 2018").</summary>
    [Required, MaxLength(60)]
    public string City { get; set; } = "Samarinda";

    [MaxLength(10)]
    public string PostalCode { get; set; } = "75112";

    /// <summary>The agency lines printed: the configured ones, else <see cref="DefaultAgencyNames"/>.</summary>
    public IReadOnlyList<string> Lines => AgencyNames.Count > 0 ? AgencyNames : DefaultAgencyNames;

    /// <summary>Logo file printed at the left of the kop; empty for none.</summary>
    public string LogoFile { get; set; } = "";

    public string? LogoPath => string.IsNullOrWhiteSpace(LogoFile) ? null : Path.GetFullPath(LogoFile);

    /// <summary>"Jln. Basuki Rahmat No.41 Telp. (0541) 731963".</summary>
    public string AddressLine => string.IsNullOrWhiteSpace(Phone) ? Address : $"{Address} Telp. {Phone}";

    /// <summary>"SAMARINDA, 75112".</summary>
    public string CityLine => string.IsNullOrWhiteSpace(PostalCode)
        ? City.ToUpperInvariant()
        : $"{City.ToUpperInvariant()}, {PostalCode}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AgencyNames.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Every Documents:Letterhead:AgencyNames line needs text.", [nameof(AgencyNames)]);
        }

        if (LogoPath is not { } path)
        {
            yield break;
        }

        if (!File.Exists(path))
        {
            yield return new ValidationResult($"Documents:Letterhead:LogoFile {path} does not exist.", [nameof(LogoFile)]);
            yield break;
        }

        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        var read = file.Read(head);
        var png = read == 4 && head.SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']);
        var jpeg = read >= 2 && head[0] == 0xFF && head[1] == 0xD8;
        if (!png && !jpeg)
        {
            yield return new ValidationResult($"Documents:Letterhead:LogoFile {path} is neither PNG nor JPEG.", [nameof(LogoFile)]);
        }
    }
}
