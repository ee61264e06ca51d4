namespace DataCenterOps.Web.Features.Room;

/// <summary>One shape on the plan, in plan units (metres) from the top-left corner; <see cref="DeviceId"/> colours it.</summary>
public sealed class RoomPlanItem
{
    public string Label { get; set; } = "";

    public RoomPlanItemKind Kind { get; set; }

    /// <summary>A device id under <c>Monitoring:Devices</c>; shapes without one (racks) are drawn neutral.</summary>
    public string? DeviceId { get; set; }

    /// <summary>A rack's metered PDU (a device under <c>Monitoring:Devices</c>): its load is drawn against the feed's capacity.</summary>
    public string? PowerDeviceId { get; set; }

    /// <summary>The rack feed's capacity in amperes (compared with the PDU's phase current).</summary>
    public double? FeedCapacityAmps { get; set; }

    /// <summary>The rack feed's capacity in kW (compared with the PDU's power), where amperes are not given.</summary>
    public double? FeedCapacityKw { get; set; }

    public double X { get; set; }

    public double Y { get; set; }

    public double Width { get; set; } = 0.6;

    public double Height { get; set; } = 1.0;
}
