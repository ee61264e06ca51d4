using System.Globalization;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Shared.Localization;

/// <summary>
/// A rule refusal in the reader's language: the exact sentence (<c>Refusal.{MessageKey}</c> with its values) when the
/// domain named one, else the general text of its code. The exception's English message is never shown.
/// </summary>
public static class RefusalText
{
    public static string For(IStringLocalizer<Ui> l, SopRuleViolationException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return Detail(l, ex.MessageKey, ex.Arguments) ?? General(l, ex);
    }

    public static string For(IStringLocalizer<Ui> l, AccessRuleViolationException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return Detail(l, ex.MessageKey, ex.Arguments) ?? General(l, ex);
    }

    /// <summary>The general text of the refusal's code (<c>SopError.{Code}</c>).</summary>
    public static string General(IStringLocalizer<Ui> l, SopRuleViolationException ex) => Lookup(l, $"SopError.{ex?.Code}") ?? Lookup(l, "SopError.InvalidInput")!;

    /// <summary>The general text of the refusal's code (<c>Access.Error.{Code}</c>).</summary>
    public static string General(IStringLocalizer<Ui> l, AccessRuleViolationException ex) => Lookup(l, $"Access.Error.{ex?.Code}") ?? Lookup(l, "Access.Error.InvalidInput")!;

    /// <summary>The exact sentence, or null when the refusal has no key (or the key has no text).</summary>
    public static string? Detail(IStringLocalizer<Ui> l, string? messageKey, IReadOnlyList<object> arguments)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(arguments);
        if (messageKey is null || Lookup(l, "Refusal." + messageKey) is not { } format)
        {
            return null;
        }

        return string.Format(CultureInfo.CurrentCulture, format, [.. arguments.Select(a => Argument(l, a))]);
    }

    /// <summary>The resource key a domain term (a field or record name such as "The escort") is looked up under.</summary>
    public static string TermKey(string term) => "Refusal.Term." + new string([.. (term ?? "").Where(char.IsLetterOrDigit)]);

    private static object Argument(IStringLocalizer<Ui> l, object argument) => argument switch
    {
        SopState state => Lookup(l, $"State.{state}") ?? state.ToString(),
        EquipmentKind kind => Lookup(l, $"Kind.{kind}") ?? kind.ToString(),
        Enum value => Lookup(l, $"Refusal.{value.GetType().Name}.{value}") ?? value.ToString(),
        string text => Term(l, text),
        IEnumerable<string> list => string.Join(", ", list.Select(t => Term(l, t))),
        _ => argument,
    };

    // Role names and the domain's field/record names have texts; anything else (a person's name, a number) is shown as is.
    private static string Term(IStringLocalizer<Ui> l, string text) =>
        Lookup(l, "Role." + text) ?? Lookup(l, TermKey(text)) ?? text;

    private static string? Lookup(IStringLocalizer<Ui> l, string key)
    {
        var text = l[key];
        return text.ResourceNotFound ? null : text.Value;
    }
}
