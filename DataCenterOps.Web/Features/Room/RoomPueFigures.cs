using DataCenterOps.Monitoring.Energy;

namespace DataCenterOps.Web.Features.Room;

/// <summary>What the PUE tile shows, shared by every screen (<see cref="RoomPue"/>): a day's past figures are complete ones only.</summary>
public sealed record RoomPueFigures(
    DateOnly Day, PueCategory? Category, PueFigure? Today, PueFigure? Month, IReadOnlyList<(DateOnly Day, PueFigure? Figure)> Days);
