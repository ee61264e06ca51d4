namespace DataCenterOps.Web.Features.Room;

/// <summary>A point a tile shows: its name in the profile, the text key of its label, and decimals to show.</summary>
public sealed record TilePoint(string Point, string LabelKey, int Decimals = 1);
