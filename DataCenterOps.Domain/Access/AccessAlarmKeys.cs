using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.Access;

public static class AccessAlarmKeys
{
    /// <summary>The door opened with no entry or exit registered within Access:DoorCorrelationWindow.</summary>
    public const string UnregisteredAccess = "access.unregistered";

    /// <summary>The door stayed open longer than Access:DoorHeldOpenLimit.</summary>
    public const string DoorHeldOpen = "access.door_held_open";

    /// <summary>People still registered inside outside Access:WorkingHours.</summary>
    public const string AfterHours = "access.after_hours";

    /// <summary>People still registered inside on a tenant's visit permit that the Pengawas cancelled, until their exit is recorded.</summary>
    public const string PermitCancelledInside = "access.permit_cancelled_inside";

    /// <summary>The source of room-wide alarms (not tied to one door sensor).</summary>
    public const string RoomSource = "access";

    /// <summary>The source of a site's room-wide alarms: <see cref="RoomSource"/> for the default site, <c>access:CODE</c> for another.</summary>
    public static string RoomSourceOf(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.IsDefault ? RoomSource : $"{RoomSource}:{site.Code}";
    }
}
