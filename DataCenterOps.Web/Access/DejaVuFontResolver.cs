using PdfSharp.Fonts;

namespace DataCenterOps.Web.Access;

/// <summary>
/// PDFsharp on Linux finds no fonts by itself: every family resolves to DejaVu Sans from
/// /usr/share/fonts/truetype/dejavu (package fonts-dejavu-core), bold and oblique included.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Folder = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lock s_gate = new();

    public static DejaVuFontResolver Instance { get; } = new();

    /// <summary>Installs this resolver once (or as the fallback when another part already installed its own).</summary>
    public static void EnsureInstalled()
    {
        lock (s_gate)
        {
            try
            {
                if (GlobalFontSettings.FontResolver is null)
                {
                    GlobalFontSettings.FontResolver = Instance;
                }
                else if (GlobalFontSettings.FontResolver != Instance && GlobalFontSettings.FallbackFontResolver is null)
                {
                    GlobalFontSettings.FallbackFontResolver = Instance;
                }
            }
            catch (InvalidOperationException)
            {
                // PDFsharp already resolved fonts through another resolver; keep using it.
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(Folder, faceName + ".ttf");
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }
}
