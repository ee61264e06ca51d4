using Microsoft.Extensions.Configuration;

namespace DataCenterOps.Domain.Sites;

/// <summary>
/// The <c>Sites</c> section: <c>Sites:Default</c> (code, name, address, time zone of the site every single-site
/// installation has) and further sites as <c>Sites:0</c>, <c>Sites:1</c>, … Applied to the database at start.
/// </summary>
public sealed class SitesOptions
{
    public const string SectionName = "Sites";

    public const string DefaultCode = "DC-KALTIM";

    public SiteDefinition Default { get; set; } = new()
    {
        Code = DefaultCode,
        Name = "Data Center Diskominfo Provinsi Kalimantan Timur",
        Address = "Jln. Basuki Rahmat No.41, Samarinda",
        TimeZone = "Asia/Makassar",
    };

    /// <summary>The numbered sites (<c>Sites:N</c>), in order; one with the default's code describes the default site.</summary>
    public List<SiteDefinition> Others { get; } = [];

    /// <summary>Every configured site, the default first, codes unique (case-insensitive).</summary>
    public IReadOnlyList<SiteDefinition> All =>
        [Default, .. Others.Where(o => !string.Equals(o.Code, Default.Code, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Reads <c>Sites:N</c> children (the binder cannot: the section also holds <c>Default</c>).</summary>
    internal static void BindNumbered(SitesOptions options, IConfigurationSection section)
    {
        foreach (var child in section.GetChildren().Where(c => int.TryParse(c.Key, out _)).OrderBy(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture)))
        {
            var site = new SiteDefinition();
            child.Bind(site);
            options.Others.Add(site);
        }
    }

    internal bool IsValid(out string problem)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in All)
        {
            if (string.IsNullOrWhiteSpace(site.Code) || site.Code.Length > 32 || !site.Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                problem = $"Sites: the code '{site.Code}' must be 1 to 32 letters, digits, '-', '_' or '.'.";
                return false;
            }

            if (!codes.Add(site.Code))
            {
                problem = $"Sites: the code '{site.Code}' is used twice.";
                return false;
            }

            if (!string.IsNullOrWhiteSpace(site.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out _))
            {
                problem = $"Sites: '{site.TimeZone}' (site {site.Code}) is not a known IANA time zone.";
                return false;
            }
        }

        problem = "";
        return true;
    }
}
