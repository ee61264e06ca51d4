namespace DataCenterOps.Web.Shared.Layout;

/// <summary>Unacknowledged alarms, and whether one of them is critical.</summary>
public readonly record struct AlarmBadgeCount(int Unacknowledged, bool Critical);
