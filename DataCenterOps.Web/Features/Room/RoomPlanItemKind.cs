namespace DataCenterOps.Web.Features.Room;

/// <summary>What a shape on the room plan stands for.</summary>
public enum RoomPlanItemKind
{
    Rack,
    Crac,
    Ups,
    Genset,
    Sensor,
    FirePanel,
    Door,
}
