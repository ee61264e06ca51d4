namespace DataCenterOps.Domain.Auditing;

/// <summary>What the audit viewer asks for: one person, one action, a period (<c>ToUtc</c> exclusive); nulls mean "any".</summary>
public sealed record AuditFilter(string? PersonId = null, string? Action = null, DateTime? FromUtc = null, DateTime? ToUtc = null);
