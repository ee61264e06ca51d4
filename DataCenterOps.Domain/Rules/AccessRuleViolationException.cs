using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Domain.Rules;

/// <summary>
/// An action the rules do not allow. <see cref="Code"/> is the kind of refusal; <see cref="MessageKey"/> (with
/// <see cref="Arguments"/>) names the exact sentence a user reads, localised by the UI as <c>Refusal.{MessageKey}</c>.
/// <see cref="Exception.Message"/> stays the English text for logs and the API.
/// </summary>
public sealed class AccessRuleViolationException : Exception
{
    public AccessRuleViolationException(AccessError code, string message)
        : base(message) => Code = code;

    public AccessRuleViolationException(AccessError code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    /// <summary>A refusal with its message key and the values the sentence shows (names, counts, enum values).</summary>
    public AccessRuleViolationException(AccessError code, string message, string messageKey, params object[] arguments)
        : base(message)
    {
        Code = code;
        MessageKey = messageKey;
        Arguments = arguments ?? [];
    }

    /// <summary>As above, keeping the exception that caused it.</summary>
    public AccessRuleViolationException(AccessError code, string message, Exception innerException, string messageKey, params object[] arguments)
        : base(message, innerException)
    {
        Code = code;
        MessageKey = messageKey;
        Arguments = arguments ?? [];
    }

    public AccessError Code { get; }

    /// <summary>The sentence's key (e.g. <c>PlanNeedsItem</c>); null for a refusal raised without one.</summary>
    public string? MessageKey { get; }

    /// <summary>The values of the sentence, in order ({0}, {1}, ...).</summary>
    public IReadOnlyList<object> Arguments { get; } = [];
}
