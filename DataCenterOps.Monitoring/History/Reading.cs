namespace DataCenterOps.Monitoring.History;

/// <summary>One stored sample of a numeric point, in the profile's unit after scaling.</summary>
public readonly record struct Reading(string DeviceId, string Point, DateTimeOffset Timestamp, double Value, string Unit = "");
