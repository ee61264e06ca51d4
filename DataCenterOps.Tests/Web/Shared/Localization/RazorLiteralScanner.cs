using System.Text;
using System.Text.RegularExpressions;

namespace DataCenterOps.Tests.Web.Shared.Localization;

/// <summary>
/// Finds user-visible literals in a .razor file: text between tags and literal words in the attributes a user reads
/// (Title, Label, Placeholder, HelperText, Text, title, placeholder, alt, aria-label). Razor expressions (@L["..."],
/// @x.Name, @(…)), statements (@if, @foreach, braces), @code blocks, comments and script/style bodies are not text.
/// </summary>
internal static partial class RazorLiteralScanner
{
    /// <summary>Words that read the same in both languages: SOP terms, proper names, abbreviations, units.</summary>
    public static readonly IReadOnlySet<string> AllowedWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "Surat", "Tugas", "Rencana", "Kerja", "Laporan", "Catatan", "Pengawas", "Pengelola", "Pemeriksa", "TIK", "Arsip", "Infrastruktur",
        "DataCenterOps", "Diskominfo", "Kominfo", "Hangfire", "MudBlazor",
        "UPS", "CRAC", "PDF", "CSV", "WITA", "UTC", "SNMP", "Modbus", "API", "NIP", "SHA", "NOC", "ID", "EN",
        "kW", "kVA", "Hz", "V", "A", "C", "h", "min", "s", "j", "d", "pre-restore",
    };

    public static IEnumerable<string> Find(string razor)
    {
        var source = RemoveExpressions(Clean(razor));
        foreach (Match m in AttributePattern().Matches(source))
        {
            if (HasWords(m.Groups["value"].Value))
            {
                yield return $"{m.Groups["name"].Value}=\"{m.Groups["value"].Value}\"";
            }
        }

        foreach (var line in TagPattern().Replace(source, "\n").Split('\n'))
        {
            if (!CodeLinePattern().IsMatch(line) && HasWords(line))
            {
                yield return line.Trim();
            }
        }
    }

    private static readonly HashSet<string> StatementKeywords = new(StringComparer.Ordinal) { "if", "foreach", "for", "while", "switch", "using", "lock" };

    private static bool HasWords(string text) =>
        WordPattern().Matches(InlineElsePattern().Replace(text, " ")).Any(w => !AllowedWords.Contains(w.Value));

    private static string Clean(string razor)
    {
        var s = RazorCommentPattern().Replace(razor.TrimStart('\uFEFF'), "");
        s = HtmlCommentPattern().Replace(s, "");
        s = ScriptOrStylePattern().Replace(s, "");
        s = RemoveCodeBlocks(s);
        s = DirectiveAttributePattern().Replace(s, "${space}d-${name}");
        return string.Join('\n', s.Split('\n').Where(l => !DirectiveLinePattern().IsMatch(l) && !StatementLinePattern().IsMatch(l)));
    }

    private static string RemoveCodeBlocks(string s)
    {
        var output = new StringBuilder();
        var i = 0;
        while (CodeBlockPattern().Match(s, i) is { Success: true } m)
        {
            output.Append(s, i, m.Index - i);
            i = SkipBalanced(s, m.Index + m.Length - 1);
        }

        return output.Append(s, i, s.Length - i).ToString();
    }

    /// <summary>Removes @L["..."], @(…), @a.b?.c(…)[…] — expressions, not text.</summary>
    private static string RemoveExpressions(string t)
    {
        var output = new StringBuilder(t.Length);
        var i = 0;
        while (i < t.Length)
        {
            if (t[i] == '@' && i + 1 < t.Length && (t[i + 1] is '(' or '[' or '_' || char.IsLetter(t[i + 1])))
            {
                var j = i + 1;
                if (t[j] is '(' or '[')
                {
                    j = SkipBalanced(t, j);
                }
                else
                {
                    var start = j;
                    while (j < t.Length && (char.IsLetterOrDigit(t[j]) || t[j] == '_'))
                    {
                        j++;
                    }

                    if (StatementKeywords.Contains(t[start..j]))
                    {
                        // @if (…) { … } written inline: the condition is code, the braces are not text.
                        while (j < t.Length && char.IsWhiteSpace(t[j]))
                        {
                            j++;
                        }

                        if (j < t.Length && t[j] == '(')
                        {
                            j = SkipBalanced(t, j);
                        }
                    }

                    while (j < t.Length)
                    {
                        while (j < t.Length && (char.IsLetterOrDigit(t[j]) || t[j] == '_'))
                        {
                            j++;
                        }

                        if (j < t.Length && t[j] is '(' or '[')
                        {
                            j = SkipBalanced(t, j);
                        }
                        else if (j + 1 < t.Length && t[j] == '.' && (char.IsLetter(t[j + 1]) || t[j + 1] == '_'))
                        {
                            j++;
                        }
                        else if (j + 1 < t.Length && t[j] == '?' && t[j + 1] is '.' or '[')
                        {
                            j++;
                        }
                        else if (j < t.Length && t[j] == '!')
                        {
                            j++;
                        }
                        else
                        {
                            break;
                        }
                    }
                }

                output.Append(' ');
                i = j;
            }
            else
            {
                output.Append(t[i++]);
            }
        }

        return output.ToString();
    }

    /// <summary>The index after the bracket that closes the one at <paramref name="open"/>, skipping string literals.</summary>
    private static int SkipBalanced(string t, int open)
    {
        var depth = 0;
        for (var j = open; j < t.Length; j++)
        {
            switch (t[j])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    if (--depth == 0)
                    {
                        return j + 1;
                    }

                    break;
                case '"':
                    for (j++; j < t.Length && t[j] != '"'; j++)
                    {
                        if (t[j] == '\\')
                        {
                            j++;
                        }
                    }

                    break;
            }
        }

        return t.Length;
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorCommentPattern();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlCommentPattern();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStylePattern();

    [GeneratedRegex(@"@(code|functions)\s*\{")]
    private static partial Regex CodeBlockPattern();

    [GeneratedRegex(@"(?<space>\s)@(?<name>[\w\-:]+)(?=\s*=)")]
    private static partial Regex DirectiveAttributePattern();

    [GeneratedRegex(@"^\s*@(page|using|inject|attribute|layout|inherits|implements|rendermode|typeparam|namespace|preservewhitespace)\b")]
    private static partial Regex DirectiveLinePattern();

    [GeneratedRegex(@"^\s*(@(if|else|foreach|for|while|switch|using|try|lock|do)\b.*|\}?\s*else\b.*|[{}]+\s*|case\b.*|default:.*|break;\s*)\r?$")]
    private static partial Regex StatementLinePattern();

    [GeneratedRegex(@"^\s*((var|return|if|foreach)\b.*|[{}]+\s*|.*;\s*)\r?$")]
    private static partial Regex CodeLinePattern();

    [GeneratedRegex("""<!DOCTYPE[^>]*>|</?[A-Za-z][^\s>/]*(?:\s+[^\s=>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*/?>""")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\b(?<name>Title|Label|Placeholder|HelperText|Text|ButtonText|title|placeholder|alt|aria-label)=""(?<value>[^""]*)""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"\}\s*else(\s+if\s*\([^)]*\))?\s*\{")]
    private static partial Regex InlineElsePattern();

    [GeneratedRegex(@"\p{L}(?:[\p{L}'\-]*\p{L})?")]
    private static partial Regex WordPattern();
}
