using System.Text;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>
/// The one CSV writer every export uses: RFC 4180 quoting when a cell needs it, CRLF line ends, and cells that
/// start like a spreadsheet formula neutralised with a leading apostrophe (CSV injection), in this one place.
/// <see cref="For"/> picks the dialect a spreadsheet in the reader's culture opens as columns: <c>;</c> where the
/// culture's list separator is <c>;</c> (id-ID, where Excel opens a comma file as one column), <c>,</c> otherwise; the
/// bytes (<see cref="ToBytes"/>) are UTF-8 with a byte-order mark so Excel reads names with accents right.
/// </summary>
public sealed class CsvWriter(char separator = ',')
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly StringBuilder _text = new();

    public char Separator => separator;

    /// <summary>The dialect of <paramref name="culture"/> (the request's culture for an export).</summary>
    public static CsvWriter For(System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return new CsvWriter(SeparatorOf(culture));
    }

    public static char SeparatorOf(System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TextInfo.ListSeparator.Trim() == ";" ? ';' : ',';
    }

    /// <summary>What an export sends: UTF-8 with the byte-order mark (EF BB BF).</summary>
    public byte[] ToBytes() => ToUtf8(withByteOrderMark: true);

    public CsvWriter Row(params IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                _text.Append(separator);
            }

            _text.Append(Cell(cell, separator));
            first = false;
        }

        _text.Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>UTF-8; with the byte-order mark spreadsheet programs need to read it as UTF-8.</summary>
    public byte[] ToUtf8(bool withByteOrderMark) =>
        withByteOrderMark ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())] : Encoding.UTF8.GetBytes(_text.ToString());

    public static string Cell(string value, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        var needsQuotes = value.Contains(separator, StringComparison.Ordinal) || value.AsSpan().IndexOfAny("\"\r\n") >= 0;
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
