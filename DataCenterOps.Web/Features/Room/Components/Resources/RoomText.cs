namespace DataCenterOps.Web.Features.Room.Components.Resources;

/// <summary>Marker for the room screens' texts (RoomText.resx: Indonesian, the default; RoomText.en.resx: English).</summary>
public sealed class RoomText;
