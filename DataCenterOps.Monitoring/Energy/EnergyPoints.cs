using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Energy;

/// <summary>The energy counter point (kWh) of each kind of device that has one.</summary>
public static class EnergyPoints
{
    public const string MeterImport = "energy.import";
    public const string Pdu = "energy";
    public const string UpsOutput = "output.energy";

    public static string? For(DeviceKind kind) => kind switch
    {
        DeviceKind.PowerMeter => MeterImport,
        DeviceKind.Pdu => Pdu,
        DeviceKind.Ups => UpsOutput,
        _ => null,
    };
}
