namespace DataCenterOps.Web.Components.Room.Resources;

/// <summary>Marker for the room screens' texts (RoomText.resx: Indonesian, the default; RoomText.en.resx: English).</summary>
public sealed class RoomText;
