using System.Text;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>
/// The one CSV writer every export uses: RFC 4180 quoting when a cell needs it, CRLF line ends, and cells that
/// start like a spreadsheet formula neutralised with a leading apostrophe (CSV injection), in this one place.
/// <see cref="For"/> picks the dialect a spreadsheet in the reader's culture opens as columns: <c>;</c> where the
/// culture's list separator is <c>;</c> (id-ID, where Excel opens a comma file as one column), <c>,</c> otherwise; the
/// bytes (<see cref="ToBytes"/>) are UTF-8 with a byte-order mark so Excel reads names with accents right.
/// Numbers (<see cref="Number(double)"/>) are written in the dialect too: the culture's decimal separator (a decimal comma
/// in id-ID) unless it is the field separator, then a point; never a group separator, so a value and the separator
/// never collide.
/// </summary>
public sealed class CsvWriter(char separator = ',', char decimalSeparator = '.')
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly StringBuilder _text = new();

    private readonly System.Globalization.NumberFormatInfo _numbers = NumbersWith(decimalSeparator == separator ? '.' : decimalSeparator);

    private bool _inRow;

    public char Separator => separator;

    /// <summary>The decimal separator numbers are written with (never <see cref="Separator"/>).</summary>
    public char DecimalSeparator => _numbers.NumberDecimalSeparator[0];

    /// <summary>The dialect of <paramref name="culture"/> (the request's culture for an export).</summary>
    public static CsvWriter For(System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var separator = SeparatorOf(culture);
        var decimalSeparator = culture.NumberFormat.NumberDecimalSeparator == "," && separator != ',' ? ',' : '.';
        return new CsvWriter(separator, decimalSeparator);
    }

    public static char SeparatorOf(System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TextInfo.ListSeparator.Trim() == ";" ? ';' : ',';
    }

    /// <summary>What an export sends: UTF-8 with the byte-order mark (EF BB BF).</summary>
    public byte[] ToBytes() => ToUtf8(withByteOrderMark: true);

    /// <summary>A whole row of text cells.</summary>
    public CsvWriter Row(params IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var cell in cells)
        {
            Text(cell);
        }

        return EndRow();
    }

    /// <summary>One text cell of the current row: quoted when needed, a formula-like start neutralised.</summary>
    public CsvWriter Text(string value)
    {
        StartCell();
        _text.Append(Cell(value, separator));
        return this;
    }

    /// <summary>
    /// One number cell of the current row, as a spreadsheet of this dialect reads a number: shortest round-trip digits,
    /// <see cref="DecimalSeparator"/>, no group separator, an ASCII minus. Not neutralised: a number is not a formula.
    /// </summary>
    public CsvWriter Number(double value)
    {
        StartCell();
        _text.Append(value.ToString("R", _numbers));
        return this;
    }

    /// <inheritdoc cref="Number(double)"/>
    public CsvWriter Number(long value)
    {
        StartCell();
        _text.Append(value.ToString(_numbers));
        return this;
    }

    /// <summary>Ends the current row (CRLF).</summary>
    public CsvWriter EndRow()
    {
        _text.Append("\r\n");
        _inRow = false;
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>UTF-8; with the byte-order mark spreadsheet programs need to read it as UTF-8.</summary>
    public byte[] ToUtf8(bool withByteOrderMark) =>
        withByteOrderMark ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())] : Encoding.UTF8.GetBytes(_text.ToString());

    private void StartCell()
    {
        if (_inRow)
        {
            _text.Append(separator);
        }

        _inRow = true;
    }

    private static System.Globalization.NumberFormatInfo NumbersWith(char decimalSeparator)
    {
        var numbers = (System.Globalization.NumberFormatInfo)System.Globalization.NumberFormatInfo.InvariantInfo.Clone();
        numbers.NumberDecimalSeparator = decimalSeparator is ',' or '.' ? decimalSeparator.ToString() : ".";
        return System.Globalization.NumberFormatInfo.ReadOnly(numbers);
    }

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
