using System.Globalization;
using DataCenterOps.Monitoring.Energy;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Shared.Localization;

/// <summary>A PUE figure in the reader's language, always with its ISO/IEC 30134-2 category: for the dashboard and the monthly report.</summary>
public static class PueText
{
    /// <summary>"1,84" in id-ID; "—" when there is no figure.</summary>
    public static string Value(PueFigure? figure) =>
        figure is null ? "—" : figure.Value.ToString("0.00", CultureInfo.CurrentCulture);

    /// <summary>"Kategori 2 (PUE2): energi TI diukur di keluaran PDU".</summary>
    public static string Category(IStringLocalizer<Ui> l, PueCategory category)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l["Pue.Category." + category];
    }

    public static string Kwh(double kwh) => kwh.ToString("N1", CultureInfo.CurrentCulture);

    /// <summary>One line for a report: the month's figure with its category and energies, or why there is none.</summary>
    public static string ReportLine(IStringLocalizer<Ui> l, PueFigure? figure)
    {
        ArgumentNullException.ThrowIfNull(l);
        return figure is null
            ? l["Pue.ReportNone"]
            : l["Pue.Report", Value(figure), figure.CategoryLabel, Kwh(figure.FacilityKwh), Kwh(figure.ItKwh)];
    }
}
