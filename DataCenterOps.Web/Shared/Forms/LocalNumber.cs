using System.Globalization;
using System.Text;

namespace DataCenterOps.Web.Shared.Forms;

/// <summary>
/// The one reader of typed numbers. In the reader's culture first (id-ID "0,3" and "1.234,5"; en-US "0.3" and
/// "1,234.5"); the other decimal separator is accepted where it cannot be a thousands separator ("0.3", "12.75" and
/// "0.300" in id-ID); a lone separator followed by exactly three digits ("1.234" in id-ID) is read as grouping, as the
/// culture says, and reported <see cref="NumberParseOutcome.Ambiguous"/> so the screen shows the value back before it is
/// saved. Anything else is <see cref="NumberParseOutcome.Invalid"/>: never guessed, never dropped.
/// </summary>
public static class LocalNumber
{
    private const int MaxLength = 40;

    public static NumberParse Parse(string? text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var typed = Clean(text);
        if (typed.Length == 0)
        {
            return new(NumberParseOutcome.Empty, 0);
        }

        if (typed.Length > MaxLength)
        {
            return Invalid;
        }

        var negative = typed[0] is '-' or '+' ? typed[0] == '-' : false;
        var body = typed[0] is '-' or '+' ? typed[1..] : typed;
        var format = culture.NumberFormat;
        var decimalSeparator = Single(format.NumberDecimalSeparator);
        var groupSeparator = Single(format.NumberGroupSeparator);
        if (body.Length == 0 || !body.All(c => char.IsAsciiDigit(c) || c is '.' or ','))
        {
            return Invalid;
        }

        var lastDot = body.LastIndexOf('.');
        var lastComma = body.LastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0)
        {
            // Both separators: the last one is the decimal point, whichever culture wrote it.
            var point = lastDot > lastComma ? '.' : ',';
            return Read(body, point, point == '.' ? ',' : '.', negative, NumberParseOutcome.Number);
        }

        var separator = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : (char?)null;
        if (separator is not { } only)
        {
            return Read(body, null, null, negative, NumberParseOutcome.Number);
        }

        if (only == decimalSeparator)
        {
            return Read(body, only, null, negative, NumberParseOutcome.Number);
        }

        // The culture's thousands separator (or a foreign one) alone: grouping if it can be, else the other decimal point.
        var groups = body.Split(only);
        var looksGrouped = groups.Length >= 2 && groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0'
            && groups.Skip(1).All(g => g.Length == 3);
        if (looksGrouped && only == groupSeparator)
        {
            return Read(body, null, only, negative, groups.Length == 2 ? NumberParseOutcome.Ambiguous : NumberParseOutcome.Number);
        }

        return groups.Length == 2 ? Read(body, only, null, negative, NumberParseOutcome.Number) : Invalid;
    }

    /// <summary>The number as the culture writes it, with as many decimals as it has (up to 6): what the screen shows back.</summary>
    public static string Format(double value, CultureInfo culture) => value.ToString("#,0.######", culture);

    private static NumberParse Invalid => new(NumberParseOutcome.Invalid, 0);

    private static NumberParse Read(string body, char? point, char? group, bool negative, NumberParseOutcome outcome)
    {
        var pointAt = point is { } p ? body.IndexOf(p) : -1;
        if (point is { } q && body.IndexOf(q) != body.LastIndexOf(q))
        {
            return Invalid;
        }

        var whole = pointAt >= 0 ? body[..pointAt] : body;
        var fraction = pointAt >= 0 ? body[(pointAt + 1)..] : "";
        if (group is { } g && whole.Contains(g))
        {
            var parts = whole.Split(g);
            if (parts[0].Length is < 1 or > 3 || parts.Skip(1).Any(x => x.Length != 3))
            {
                return Invalid;
            }

            whole = string.Concat(parts);
        }

        if ((whole.Length == 0 && fraction.Length == 0) || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)
            || (pointAt >= 0 && fraction.Length == 0))
        {
            return Invalid;
        }

        var invariant = (negative ? "-" : "") + (whole.Length == 0 ? "0" : whole) + (fraction.Length > 0 ? "." + fraction : "");
        return double.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
            ? new(outcome, value)
            : Invalid;
    }

    // Spaces (also no-break and narrow no-break, used for grouping in some cultures) are dropped; the Unicode minus is a minus.
    private static string Clean(string? text)
    {
        var builder = new StringBuilder((text ?? "").Length);
        foreach (var c in (text ?? "").Trim())
        {
            if (c is ' ' or '\u00A0' or '\u202F' or '\u2009')
            {
                continue;
            }

            builder.Append(c == '\u2212' ? '-' : c);
        }

        return builder.ToString();
    }

    private static char Single(string separator) => separator.Length == 1 ? separator[0] == '\u00A0' ? ' ' : separator[0] : '.';
}
