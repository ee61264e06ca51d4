using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>
/// PDFsharp finds no system fonts on Linux; this serves DejaVu (package fonts-dejavu-core) for every family asked
/// for: "DejaVu Sans Mono" (or any family containing "Mono") gets the monospaced face, everything else DejaVu Sans.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    public static readonly DejaVuFontResolver Instance = new(DefaultDirectory);

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);
    private readonly string _directory;

    public DejaVuFontResolver(string directory) => _directory = directory;

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        var family = familyName.Contains("Mono", StringComparison.OrdinalIgnoreCase) ? "DejaVuSansMono" : "DejaVuSans";
        var style = (isBold, isItalic) switch
        {
            (true, true) => "-BoldOblique",
            (true, false) => "-Bold",
            (false, true) => "-Oblique",
            _ => "",
        };
        return new FontResolverInfo(family + style);
    }

    public byte[]? GetFont(string faceName) =>
        _faces.GetOrAdd(faceName, name =>
        {
            var path = Path.Combine(_directory, name + ".ttf");
            return File.Exists(path)
                ? File.ReadAllBytes(path)
                : throw new FileNotFoundException($"Font {path} is missing; install the package fonts-dejavu-core.", path);
        });
}
