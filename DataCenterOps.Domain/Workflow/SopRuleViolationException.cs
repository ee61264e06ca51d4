namespace DataCenterOps.Domain.Workflow;

/// <summary>An action the SOP does not allow. <see cref="Code"/> is the key for a localised message.</summary>
public sealed class SopRuleViolationException : Exception
{
    public SopRuleViolationException(SopError code, string message)
        : base(message) => Code = code;

    public SopRuleViolationException(SopError code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    public SopError Code { get; }
}
