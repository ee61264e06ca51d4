namespace DataCenterOps.Web.Features.Room;

/// <summary>The <c>Room:Plan</c> section: the room's outline and what stands where.</summary>
public sealed class RoomPlanOptions
{
    public const string SectionName = "Room:Plan";

    public string Name { get; set; } = "";

    /// <summary>The code of the site whose room this plan draws; empty = the default site.</summary>
    public string Site { get; set; } = "";

    public double Width { get; set; } = 12;

    public double Height { get; set; } = 8;

    public List<RoomPlanItem> Items { get; set; } = [];
}
