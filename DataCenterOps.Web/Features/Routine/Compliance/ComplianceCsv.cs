using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>
/// RFC 4180 CSV of every due check of the month, headers and values in the reader's language; cells that a spreadsheet
/// would run as a formula are defused.
/// </summary>
public static class ComplianceCsv
{
    public static string Write(ComplianceDocument document, IStringLocalizer<Ui> l)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(l);
        var csv = new StringBuilder();
        Line(csv, l["Routine.Export.Equipment"], l["Routine.Export.Schedule"], l["Routine.Export.Cadence"], l["Routine.Export.DueDate"],
            l["Routine.Export.PeriodEnd"], l["Routine.Export.Outcome"], l["Routine.Export.CompletedLocal"], l["Routine.Export.Inspector"], l["Routine.Export.Reason"]);
        foreach (var r in document.Summary.Rows)
        {
            Line(csv, r.EquipmentName, r.ScheduleName, l[$"Routine.Cadence.{r.Cadence}"],
                r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DeadlineDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                l[$"Routine.Outcome.{r.Outcome}"], document.LocalTime(r.CompletedAtUtc), document.PersonName(r.InspectorId), r.Reason ?? "");
        }

        return csv.ToString();
    }

    private static void Line(StringBuilder csv, params string[] cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
