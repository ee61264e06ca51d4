using System.Globalization;
using System.Text;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>RFC 4180 CSV of every due check of the month; cells that a spreadsheet would run as a formula are defused.</summary>
public static class ComplianceCsv
{
    public static string Write(ComplianceDocument document)
    {
        var csv = new StringBuilder();
        Line(csv, "Equipment", "Schedule", "Cadence", "Due date", "Period end", "Outcome", "Completed (local)", "Inspector", "Reason");
        foreach (var r in document.Summary.Rows)
        {
            Line(csv, r.EquipmentName, r.ScheduleName, r.Cadence.ToString(),
                r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DeadlineDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.Outcome.ToString(), document.LocalTime(r.CompletedAtUtc), document.PersonName(r.InspectorId), r.Reason ?? "");
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
