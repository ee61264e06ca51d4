using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Tenants;

namespace DataCenterOps.Domain.Seeding;

/// <summary>Two demo co-location tenants, each with a rack on the simulated room's plan (A1 on pdu-a01, A2 on pdu-a02), a server and an account.</summary>
public static class DemoTenants
{
    public static readonly IReadOnlyList<(string Code, string Name, string Rack, string Server, string Email, string Contact)> All =
    [
        ("BAPENDA", "Badan Pendapatan Daerah Provinsi Kalimantan Timur", "A1", "Server e-Samsat", "tenant.bapenda@dcops.local", "Rahmat Hidayat"),
        ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Timur", "A2", "Server SIPD Keuangan", "tenant.bpkad@dcops.local", "Siti Nurhaliza"),
    ];

    public static (Tenant Tenant, IReadOnlyList<Equipment> Equipment) Create((string Code, string Name, string Rack, string Server, string Email, string Contact) demo, DateTime nowUtc, string language = SeedingOptions.Indonesian)
    {
        var tenant = new Tenant { Code = demo.Code, Name = demo.Name, CreatedAtUtc = nowUtc };
        tenant.Contacts.Add(new TenantContact
        {
            TenantId = tenant.Id, Name = demo.Contact, Phone = "0812-5500-" + (demo.Rack == "A1" ? "1101" : "2202"), Email = demo.Email.Replace("tenant.", "tik.", StringComparison.Ordinal),
            Position = "Kepala Subbagian TIK",
        });
        Equipment[] equipment =
        [
            new() { Kind = EquipmentKind.ServerRack, Name = $"Rak {demo.Rack} {demo.Code}", Room = ShippedNames.DcRoom.In(language), Row = "A", Rack = demo.Rack, Vendor = "APC", Model = "NetShelter SX 42U", TenantId = tenant.Id },
            new() { Kind = EquipmentKind.Other, Name = demo.Server, Room = ShippedNames.DcRoom.In(language), Row = "A", Rack = demo.Rack, Vendor = "Dell", Model = "PowerEdge R650", SerialNumber = $"DEMO-{demo.Code}-01", TenantId = tenant.Id },
        ];
        return (tenant, equipment);
    }
}
