namespace DataCenterOps.Domain.Access;

/// <summary>A one-off authorisation for one entry within the next <see cref="ValidForHours"/> hours.</summary>
public sealed record NewGrant(string UserId, string Reason, int ValidForHours = 8);
