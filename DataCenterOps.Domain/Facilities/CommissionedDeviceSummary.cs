namespace DataCenterOps.Domain.Facilities;

/// <summary>What a screen may show of a commissioned device: no secret, only whether one is stored.</summary>
public sealed record CommissionedDeviceSummary(
    Guid Id,
    string DeviceId,
    string Name,
    string Kind,
    string Protocol,
    string Host,
    int Port,
    string Profile,
    double IntervalSeconds,
    string? SnmpVersion,
    string? V3User,
    int? UnitId,
    DateTime AddedAtUtc,
    string AddedById,
    IReadOnlyDictionary<string, double> ScaleOverrides);
