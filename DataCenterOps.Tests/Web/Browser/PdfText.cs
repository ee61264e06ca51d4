using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace DataCenterOps.Tests.Web.Browser;

/// <summary>
/// The text a PDF shows, read back from its bytes: the content streams' glyph strings decoded through each font's
/// ToUnicode map (PDFsharp writes Unicode fonts as glyph ids), page by page.
/// </summary>
internal static partial class PdfText
{
    public static string Extract(byte[] pdfBytes)
    {
        using var stream = new MemoryStream(pdfBytes);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var maps = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
            var fonts = page.Resources.Elements.GetDictionary("/Font");
            foreach (var name in fonts?.Elements.Keys ?? [])
            {
                var font = fonts!.Elements.GetDictionary(name);
                if (font?.Elements.GetDictionary("/ToUnicode") is { Stream: { } cmap })
                {
                    maps[name] = ParseCMap(Encoding.ASCII.GetString(cmap.UnfilteredValue));
                }
            }

            var content = Encoding.Latin1.GetString(page.Contents.CreateSingleContent().Stream.UnfilteredValue);
            Dictionary<int, string>? current = null;
            foreach (Match token in Token().Matches(content))
            {
                if (token.Groups["font"].Success)
                {
                    current = maps.GetValueOrDefault(token.Groups["font"].Value);
                }
                else if (token.Groups["hex"].Success && current is not null)
                {
                    var hex = token.Groups["hex"].Value;
                    for (var i = 0; i + 4 <= hex.Length; i += 4)
                    {
                        text.Append(current.GetValueOrDefault(int.Parse(hex.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture), "?"));
                    }
                }
                else if (token.Groups["lit"].Success)
                {
                    // A simple (WinAnsi) font: the string is the text, with PDF escapes.
                    text.Append(Unescape(token.Groups["lit"].Value));
                }
                else if (token.Groups["newline"].Success)
                {
                    text.Append(' ');
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match m in BfChar().Matches(cmap))
        {
            map[Hex(m.Groups[1].Value)] = Utf16(m.Groups[2].Value);
        }

        foreach (Match m in BfRange().Matches(cmap))
        {
            var (from, to, first) = (Hex(m.Groups[1].Value), Hex(m.Groups[2].Value), Hex(m.Groups[3].Value));
            for (var gid = from; gid <= to; gid++)
            {
                map[gid] = char.ConvertFromUtf32(first + gid - from);
            }
        }

        return map;
    }

    private static string Unescape(string literal)
    {
        var builder = new StringBuilder(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\' || i + 1 == literal.Length)
            {
                builder.Append(literal[i]);
                continue;
            }

            var next = literal[++i];
            if (next is >= '0' and <= '7')
            {
                var end = i;
                while (end < literal.Length && end - i < 3 && literal[end] is >= '0' and <= '7')
                {
                    end++;
                }

                builder.Append((char)Convert.ToInt32(literal[i..end], 8));
                i = end - 1;
            }
            else
            {
                builder.Append(next switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => next });
            }
        }

        // WinAnsi is Windows-1252: the same as Latin-1 for what a Laporan writes, except for a few punctuation marks.
        return builder.ToString();
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex)
    {
        var chars = new char[hex.Length / 4];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)Hex(hex.Substring(i * 4, 4));
        }

        return new string(chars);
    }

    [GeneratedRegex(@"(?<font>/[A-Za-z0-9_+-]+)\s+[\d.]+\s+Tf|<(?<hex>[0-9A-Fa-f]+)>|\((?<lit>(?:\\.|[^\\)])*)\)|(?<newline>\bT\*|\bTd\b|\bTD\b|\bET\b)")]
    private static partial Regex Token();

    [GeneratedRegex(@"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>(?!\s*<)")]
    private static partial Regex BfChar();

    [GeneratedRegex(@"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>")]
    private static partial Regex BfRange();
}
