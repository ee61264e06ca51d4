using System.Globalization;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Shared.Forms;

/// <summary>
/// How long a text field may be, the same numbers the Domain refuses beyond. Fields show a counter and refuse while
/// typing; they never carry an HTML maxlength, which makes the browser cut a pasted text silently.
/// </summary>
public static class TextLimits
{
    public const int Title = 200;
    public const int Short = 500;
    public const int Reason = 1000;
    public const int Agenda = 2000;
    public const int Long = 4000;

    public static bool Fits(string? text, int max) => (text ?? "").Trim().Length <= max;

    /// <summary>A MudBlazor validation: the localised refusal when too long, else null.</summary>
    public static Func<string?, string?> Check(IStringLocalizer<Ui> l, int max) =>
        text => Fits(text, max) ? null : string.Format(CultureInfo.CurrentCulture, l["Text.TooLong"], max, (text ?? "").Trim().Length);
}
