namespace DataCenterOps.Domain.Access;

/// <summary>A one-off authorisation for one entry into the room of <see cref="SiteId"/> (null = the default site) within the next <see cref="ValidForHours"/> hours.</summary>
public sealed record NewGrant(string UserId, string Reason, int ValidForHours = 8, Guid? SiteId = null);
