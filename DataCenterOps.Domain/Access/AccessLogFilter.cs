namespace DataCenterOps.Domain.Access;

/// <summary>The access log by period (in time within [From, To)), person (name, organisation or ID number) and letter.</summary>
public sealed record AccessLogFilter(DateTime? FromUtc = null, DateTime? ToUtc = null, string? Person = null, Guid? LetterId = null, bool IncludeVoided = true);
