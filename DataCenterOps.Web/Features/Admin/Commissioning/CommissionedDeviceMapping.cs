using DataCenterOps.Domain.Facilities;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Web.Features.Admin.Commissioning;

/// <summary>Between the Domain's plain row (names as strings) and monitoring's device settings.</summary>
internal static class CommissionedDeviceMapping
{
    public static DeviceOptions ToOptions(CommissionedDeviceInput row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var device = new DeviceOptions
        {
            Id = row.DeviceId,
            Name = row.Name,
            // An unreadable name stays an undefined value, which the catalog's checks refuse (the device is then skipped and logged).
            Kind = Enum.TryParse<DeviceKind>(row.Kind, out var kind) ? kind : (DeviceKind)(-1),
            Protocol = Enum.TryParse<DeviceProtocol>(row.Protocol, out var protocol) ? protocol : (DeviceProtocol)(-1),
            Host = row.Host,
            Port = row.Port,
            Profile = row.Profile,
            IntervalSeconds = row.IntervalSeconds,
            UnitId = row.UnitId,
            ScaleOverrides = new Dictionary<string, double>(row.ScaleOverrides ?? new Dictionary<string, double>(), StringComparer.Ordinal),
        };
        if (device.Protocol == DeviceProtocol.Snmp)
        {
            device.SnmpVersion = row.SnmpVersion is null ? SnmpVersion.V2c : Enum.TryParse<SnmpVersion>(row.SnmpVersion, out var v) ? v : (SnmpVersion)(-1);
            device.Community = row.Community;
            device.V3User = row.V3User;
            device.V3AuthProtocol = row.V3AuthProtocol;
            device.V3AuthPassword = row.V3AuthPassword;
            device.V3PrivProtocol = row.V3PrivProtocol;
            device.V3PrivPassword = row.V3PrivPassword;
            device.V3Context = row.V3Context;
        }

        return device;
    }

    public static CommissionedDeviceInput ToInput(DeviceOptions device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var snmp = device.Protocol == DeviceProtocol.Snmp;
        var v3 = snmp && device.SnmpVersion == SnmpVersion.V3;
        return new CommissionedDeviceInput(
            device.Id, device.Name, device.Kind.ToString(), device.Protocol.ToString(), device.Host, device.Port, device.Profile, device.IntervalSeconds,
            snmp ? device.SnmpVersion.ToString() : null,
            snmp && !v3 ? device.Community : null,
            v3 ? device.V3User : null,
            v3 ? device.V3AuthProtocol : null,
            v3 ? device.V3AuthPassword : null,
            v3 ? device.V3PrivProtocol : null,
            v3 ? device.V3PrivPassword : null,
            v3 ? device.V3Context : null,
            device.Protocol == DeviceProtocol.ModbusTcp ? device.UnitId : null,
            device.ScaleOverrides.Count > 0 ? new Dictionary<string, double>(device.ScaleOverrides, StringComparer.Ordinal) : null);
    }
}
