using System.Globalization;
using System.Text.Json;
using DataCenterOps.Domain.Maintenance;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Shared.Localization;

/// <summary>
/// The evidence of a verified checklist item in the reader's language, from its rule, verdict and figures
/// ("verified from monitoring: 34 min at 41 % — met"); <see cref="InIndonesian"/> gives the text the report stores.
/// </summary>
public static class VerifiedEvidenceText
{
    private static readonly CultureInfo s_indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Format(IStringLocalizer<Ui> l, string? rule, HistoryVerdict verdict, IReadOnlyDictionary<string, double> figures)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(figures);
        if (verdict == HistoryVerdict.NoData)
        {
            return l["Verified.NoData"];
        }

        var outcome = l["Verified.Verdict." + verdict].Value;
        string N(string key, string format = "0") =>
            figures.TryGetValue(key, out var value) ? value.ToString(format, CultureInfo.CurrentCulture) : "—";
        return rule switch
        {
            HistoryRules.GensetExerciseRun => l["Verified.GensetExerciseRun", N("minutes"), N("load_percent"), outcome],
            HistoryRules.UpsTransferTest => l["Verified.UpsTransferTest", N("seconds_on_battery"),
                l[figures.GetValueOrDefault("back_on_mains") > 0 ? "Verified.Yes" : "Verified.No"].Value, outcome],
            HistoryRules.CracSupplyAir => l["Verified.CracSupplyAir", N("min", "0.0"), N("max", "0.0"), N("mean", "0.0"), outcome],
            _ => outcome,
        };
    }

    /// <summary>From an answer's stored figures (canonical JSON); null when they do not parse.</summary>
    public static string? Format(IStringLocalizer<Ui> l, string? rule, string? verdict, string? figuresJson)
    {
        if (!Enum.TryParse<HistoryVerdict>(verdict, out var parsed) || string.IsNullOrEmpty(figuresJson))
        {
            return null;
        }

        try
        {
            var figures = JsonSerializer.Deserialize<Dictionary<string, double>>(figuresJson);
            return figures is null ? null : Format(l, rule, parsed, figures);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The text as the report stores it: in Indonesian, whatever the caller's culture.</summary>
    public static string InIndonesian(IStringLocalizer<Ui> l, string? rule, HistoryVerdict verdict, IReadOnlyDictionary<string, double> figures)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = s_indonesian;
        try
        {
            return Format(l, rule, verdict, figures);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
