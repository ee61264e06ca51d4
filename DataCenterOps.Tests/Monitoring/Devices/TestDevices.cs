using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Tests.Monitoring.Devices;

/// <summary>Device entries for tests that do not talk to a device.</summary>
internal static class TestDevices
{
    public static DeviceOptions Environment(string id = "env-1") => new()
    {
        Id = id,
        Name = "Room sensor " + id,
        Kind = DeviceKind.Environment,
        Protocol = DeviceProtocol.Snmp,
        Host = "127.0.0.1",
        Port = 16161,
        Community = id,
        Profile = "env-snmp",
        IntervalSeconds = 5,
    };

    public static DeviceOptions Ups(string id = "ups-1") => new()
    {
        Id = id,
        Name = "UPS " + id,
        Kind = DeviceKind.Ups,
        Protocol = DeviceProtocol.Snmp,
        Host = "127.0.0.1",
        Port = 16161,
        Community = id,
        Profile = "ups-rfc1628",
        IntervalSeconds = 5,
    };

    public static PointReading Good(string point, double value, string unit = "") => new(point, value, null, unit, PointQuality.Good);
}
