namespace DataCenterOps.Domain.Access;

/// <summary>An access-register action the rules do not allow. <see cref="Code"/> is the key for a localised message.</summary>
public sealed class AccessRuleViolationException : Exception
{
    public AccessRuleViolationException(AccessError code, string message)
        : base(message) => Code = code;

    public AccessRuleViolationException(AccessError code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    public AccessError Code { get; }
}
