using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Workflow;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Facilities;

/// <summary>Changes to the equipment registry: by the Administrator or the Pengelola, audited; without a room, the DC room (named in Seeding:Language).</summary>
public sealed class EquipmentRegistry(DataCenterOpsDbContext db, AuditLog audit, IOptions<SeedingOptions> seeding)
{
    public async Task<Equipment> AddAsync(Actor actor, Equipment equipment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(equipment);
        SopGuard.Person(actor.IsIn(Roles.Administrator) || actor.IsIn(Roles.Manager), SopError.WrongRole, "AddEquipmentNeedsRole",
            "Only the Administrator or the Pengelola TIK may add equipment.");
        SopGuard.Site(actor, equipment.SiteId);
        equipment.Name = SopGuard.Text(equipment.Name, 200, "Name");
        equipment.Room = string.IsNullOrWhiteSpace(equipment.Room) ? ShippedNames.DcRoom.In(seeding.Value.Language) : SopGuard.Text(equipment.Room, 200, "Room");
        db.Equipment.Add(equipment);
        audit.Write(actor, "EquipmentAdded", nameof(Equipment), equipment.Id.ToString(), null,
            new { equipment.Name, Kind = equipment.Kind.ToString(), equipment.MonitoringDeviceId });
        await SopGuard.SaveAsync(db, cancellationToken);
        return equipment;
    }
}
