using DataCenterOps.Domain.Facilities;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Features.Room;

namespace DataCenterOps.Web.Features.Tenants;

/// <summary>
/// A tenant's racks on the room plan: its registry racks (<see cref="EquipmentKind.ServerRack"/> items) matched to plan
/// shapes by rack label, each with its PDU's live load and the temperature of the plan's nearest sensor. Only the
/// devices behind the tenant's own racks are read; the room's other devices and alarms never reach the portal. The plan
/// draws one site's room: a rack at another site is never matched to it (another room's rack may carry the same label).
/// </summary>
public static class TenantRacks
{
    public static IReadOnlyList<TenantRackView> For(IEnumerable<Equipment> tenantEquipment, RoomPlanOptions plan, Guid planSiteId, Func<string, DeviceSnapshot?> device)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(device);
        var sensors = plan.Items.Where(i => i.Kind == RoomPlanItemKind.Sensor && i.DeviceId is not null).ToList();
        var views = new List<TenantRackView>();
        foreach (var rack in tenantEquipment.Where(e => e.Kind == EquipmentKind.ServerRack && !string.IsNullOrWhiteSpace(e.Rack)))
        {
            var item = rack.SiteId != planSiteId ? null
                : plan.Items.FirstOrDefault(i => i.Kind == RoomPlanItemKind.Rack && string.Equals(i.Label, rack.Rack, StringComparison.OrdinalIgnoreCase));
            if (item is null)
            {
                views.Add(new TenantRackView(rack.Rack!, rack.Name, rack.SiteId, null, null, null, null));
                continue;
            }

            var pdu = item.PowerDeviceId is { } pduId ? device(pduId) : null;
            var live = pdu is { Status.IsCommLost: false } ? pdu : null;
            var sensor = sensors.OrderBy(s => Distance(s, item)).FirstOrDefault();
            var env = sensor?.DeviceId is { } envId ? device(envId) : null;
            var temperature = env is { Status.IsCommLost: false } ? env.LiveValue("temperature") : null;
            views.Add(new TenantRackView(item.Label, rack.Name, rack.SiteId, RackLoad.For(item, live), live?.LiveValue("power"), sensor?.Label, temperature));
        }

        return views;
    }

    private static double Distance(RoomPlanItem a, RoomPlanItem b)
    {
        var dx = (a.X + (a.Width / 2)) - (b.X + (b.Width / 2));
        var dy = (a.Y + (a.Height / 2)) - (b.Y + (b.Height / 2));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
