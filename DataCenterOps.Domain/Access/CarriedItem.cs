namespace DataCenterOps.Domain.Access;

/// <summary>Equipment carried in or out: what it is and its serial number.</summary>
public sealed record CarriedItem(string Description, string? SerialNumber);
