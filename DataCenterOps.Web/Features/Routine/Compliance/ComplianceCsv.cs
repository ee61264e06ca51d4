using System.Globalization;
using DataCenterOps.Web.Shared.Documents;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>
/// RFC 4180 CSV of every due check of the month, headers and values in the reader's language and spreadsheet dialect
/// (";" for id-ID); cells that a spreadsheet would run as a formula are defused by the one CSV writer.
/// </summary>
public static class ComplianceCsv
{
    /// <summary>The text in the current culture's dialect.</summary>
    public static string Write(ComplianceDocument document, IStringLocalizer<Ui> l) => Build(document, l, CultureInfo.CurrentCulture).ToString();

    public static CsvWriter Build(ComplianceDocument document, IStringLocalizer<Ui> l, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(l);
        var csv = CsvWriter.For(culture);
        csv.Row(l["Routine.Export.Equipment"], l["Routine.Export.Schedule"], l["Routine.Export.Cadence"], l["Routine.Export.DueDate"],
            l["Routine.Export.PeriodEnd"], l["Routine.Export.Outcome"], l["Routine.Export.CompletedLocal"], l["Routine.Export.Inspector"], l["Routine.Export.Reason"]);
        foreach (var r in document.Summary.Rows)
        {
            csv.Row(r.EquipmentName, r.ScheduleName, l[$"Routine.Cadence.{r.Cadence}"],
                r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DeadlineDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                l[$"Routine.Outcome.{r.Outcome}"], document.LocalTime(r.CompletedAtUtc), document.PersonName(r.InspectorId), r.Reason ?? "");
        }

        return csv;
    }
}
