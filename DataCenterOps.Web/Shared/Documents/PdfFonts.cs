using PdfSharp.Fonts;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>Call <see cref="Ensure"/> before making any PDF: installs the one shared font resolver (PDFsharp allows only one).</summary>
public static class PdfFonts
{
    public const string Family = "DejaVu Sans";
    public const string MonoFamily = "DejaVu Sans Mono";

    private static readonly Lock s_gate = new();

    public static void Ensure()
    {
        lock (s_gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, DejaVuFontResolver.Instance))
            {
                GlobalFontSettings.FontResolver = DejaVuFontResolver.Instance;
            }
        }
    }
}
