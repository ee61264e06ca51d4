using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Shared.Localization;

/// <summary>A checklist template's cadence in the reader's language: the shipped cadences by key, an office's own text as written.</summary>
public static class CadenceText
{
    public static string For(IStringLocalizer<Ui> l, string? cadence)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (string.IsNullOrWhiteSpace(cadence))
        {
            return string.Empty;
        }

        var text = l["Routine.Cadence." + cadence.Replace("-", string.Empty, StringComparison.Ordinal)];
        return text.ResourceNotFound ? cadence : text.Value;
    }
}
