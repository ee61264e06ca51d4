namespace DataCenterOps.Domain.Access;

/// <summary>
/// The access log by period (in time within [From, To)), person (name, organisation or ID number), letter and sites
/// (the rooms of <see cref="SiteIds"/>; null = every site).
/// </summary>
public sealed record AccessLogFilter(
    DateTime? FromUtc = null, DateTime? ToUtc = null, string? Person = null, Guid? LetterId = null, bool IncludeVoided = true,
    IReadOnlyCollection<Guid>? SiteIds = null);
