namespace DataCenterOps.Domain.Facilities;

/// <summary>
/// A device to commission, secrets in clear (they are protected before they reach the database); <see cref="ScaleOverrides"/>
/// maps a profile point to the multiplier that replaces its scale (a vendor's ×10 error corrected at commissioning).
/// </summary>
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
    int? UnitId,
    IReadOnlyDictionary<string, double>? ScaleOverrides = null)
{
    // Never the secrets, whatever logs or prints the record.
    public override string ToString() => $"{DeviceId} {Protocol} {Host}:{Port} {Profile}";
}
