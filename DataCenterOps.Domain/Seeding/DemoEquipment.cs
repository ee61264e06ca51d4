using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Seeding;

/// <summary>The simulated room's equipment; MonitoringDeviceId matches the simulator's device ids.</summary>
public static class DemoEquipment
{
    public static IReadOnlyList<Equipment> Create() =>
    [
        Item(EquipmentKind.Ups, "UPS 1", "ups-1", "A", "Schneider Electric", "Galaxy VS 40 kVA"),
        Item(EquipmentKind.Ups, "UPS 2", "ups-2", "A", "Schneider Electric", "Galaxy VS 40 kVA"),
        Item(EquipmentKind.Genset, "Genset 1", "genset-1", null, "Cummins", "C150D5"),
        Item(EquipmentKind.Cooling, "CRAC 1", "crac-1", "B", "Vertiv", "Liebert PDX"),
        Item(EquipmentKind.Cooling, "CRAC 2", "crac-2", "B", "Vertiv", "Liebert PDX"),
        Item(EquipmentKind.FireSuppression, "Fire suppression 1", "fire-1", null, "Kidde", "FM-200 panel"),
        Item(EquipmentKind.Environment, "Room sensors", "env-1", "C", "APC", "NetBotz 250"),
    ];

    private static Equipment Item(EquipmentKind kind, string name, string deviceId, string? row, string vendor, string model) => new()
    {
        Kind = kind,
        Name = name,
        Room = kind == EquipmentKind.Genset ? "Genset house" : "DC room",
        Row = row,
        Vendor = vendor,
        Model = model,
        SerialNumber = $"DEMO-{deviceId.ToUpperInvariant()}",
        InstalledOn = new DateOnly(2021, 3, 1),
        MonitoringDeviceId = deviceId,
    };
}
