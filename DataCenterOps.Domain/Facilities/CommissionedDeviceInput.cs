namespace DataCenterOps.Domain.Facilities;

/// <summary>A device to commission, secrets in clear (they are protected before they reach the database).</summary>
public sealed record CommissionedDeviceInput(
    string DeviceId,
    string Name,
    string Kind,
    string Protocol,
    string Host,
    int Port,
    string Profile,
    double IntervalSeconds,
    string? SnmpVersion,
    string? Community,
    string? V3User,
    string? V3AuthProtocol,
    string? V3AuthPassword,
    string? V3PrivProtocol,
    string? V3PrivPassword,
    string? V3Context,
    int? UnitId)
{
    // Never the secrets, whatever logs or prints the record.
    public override string ToString() => $"{DeviceId} {Protocol} {Host}:{Port} {Profile}";
}
