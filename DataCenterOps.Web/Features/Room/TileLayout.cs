using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Which points each kind of device shows on its tile, and which one its sparkline follows (profile point names).</summary>
public static class TileLayout
{
    public static IReadOnlyList<TilePoint> PointsFor(DeviceKind kind) => kind switch
    {
        DeviceKind.Ups =>
        [
            new("output.source", "Point.OutputSource"),
            new("output.load", "Point.Load", 0),
            new("battery.charge", "Point.BatteryCharge", 0),
            new("battery.minutes_remaining", "Point.MinutesRemaining", 0),
        ],
        DeviceKind.Genset =>
        [
            new("engine.state", "Point.EngineState"),
            new("fuel.level", "Point.FuelLevel", 0),
            new("battery.voltage", "Point.BatteryVoltage"),
            new("mains.voltage.l1", "Point.MainsVoltage", 0),
        ],
        DeviceKind.Cooling =>
        [
            new("unit.on", "Point.UnitOn"),
            new("supply.temperature", "Point.SupplyAir"),
            new("return.temperature", "Point.ReturnAir"),
            new("return.humidity", "Point.ReturnHumidity", 0),
        ],
        DeviceKind.FireSuppression =>
        [
            new("panel.state", "Point.PanelState"),
            new("agent.pressure", "Point.AgentPressure"),
            new("agent.low_pressure", "Point.AgentLowPressure"),
        ],
        DeviceKind.Environment =>
        [
            new("temperature", "Point.Temperature"),
            new("humidity", "Point.Humidity", 0),
            new("dew_point", "Point.DewPoint"),
            new("leak", "Point.Leak"),
            new("door", "Point.Door"),
        ],
        DeviceKind.PowerMeter =>
        [
            new("power", "Point.Power"),
            new("energy.import", "Point.EnergyImport", 0),
            new("voltage.l1", "Point.VoltageL1", 0),
            new("current.l1", "Point.CurrentL1"),
        ],
        DeviceKind.Pdu =>
        [
            new("phase.1.current", "Point.PhaseCurrent"),
            new("power", "Point.Power", 2),
            new("energy", "Point.Energy", 0),
        ],
        _ => [],
    };

    public static string? SparklinePoint(DeviceKind kind) => kind switch
    {
        DeviceKind.Ups => "output.load",
        DeviceKind.Genset => "fuel.level",
        DeviceKind.Cooling => "supply.temperature",
        DeviceKind.FireSuppression => "agent.pressure",
        DeviceKind.Environment => "temperature",
        DeviceKind.PowerMeter or DeviceKind.Pdu => "power",
        _ => null,
    };

    /// <summary>The overview's groups, in the order they are drawn.</summary>
    public static IReadOnlyList<(string TitleKey, DeviceKind[] Kinds)> Groups { get; } =
    [
        ("Group.Power", [DeviceKind.Ups, DeviceKind.Genset]),
        ("Group.Cooling", [DeviceKind.Cooling]),
        ("Group.Fire", [DeviceKind.FireSuppression]),
        ("Group.Environment", [DeviceKind.Environment]),
        ("Group.Energy", [DeviceKind.PowerMeter, DeviceKind.Pdu]),
    ];
}
