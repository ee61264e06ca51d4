using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Seeding;

/// <summary>The simulated room's equipment, named in the seeding language; MonitoringDeviceId matches the simulator's device ids.</summary>
public static class DemoEquipment
{
    public static IReadOnlyList<Equipment> Create(string language = SeedingOptions.Indonesian) =>
    [
        Item(EquipmentKind.Ups, "UPS 1", "ups-1", "A", "Schneider Electric", "Galaxy VS 40 kVA", language),
        Item(EquipmentKind.Ups, "UPS 2", "ups-2", "A", "Schneider Electric", "Galaxy VS 40 kVA", language),
        Item(EquipmentKind.Genset, "Genset 1", "genset-1", null, "Cummins", "C150D5", language),
        Item(EquipmentKind.Cooling, "CRAC 1", "crac-1", "B", "Vertiv", "Liebert PDX", language),
        Item(EquipmentKind.Cooling, "CRAC 2", "crac-2", "B", "Vertiv", "Liebert PDX", language),
        Item(EquipmentKind.FireSuppression, ShippedNames.FireSuppression1.In(language), "fire-1", null, "Kidde", "FM-200 panel", language),
        Item(EquipmentKind.Environment, ShippedNames.RoomSensors.In(language), "env-1", "C", "APC", "NetBotz 250", language),
    ];

    private static Equipment Item(EquipmentKind kind, string name, string deviceId, string? row, string vendor, string model, string language) => new()
    {
        Kind = kind,
        Name = name,
        Room = (kind == EquipmentKind.Genset ? ShippedNames.GensetHouse : ShippedNames.DcRoom).In(language),
        Row = row,
        Vendor = vendor,
        Model = model,
        SerialNumber = $"DEMO-{deviceId.ToUpperInvariant()}",
        InstalledOn = new DateOnly(2021, 3, 1),
        MonitoringDeviceId = deviceId,
    };
}
