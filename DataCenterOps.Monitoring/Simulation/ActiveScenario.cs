namespace DataCenterOps.Monitoring.Simulation;

/// <summary>A running scenario: its name, the device it acts on (null = the whole room) and when it started.</summary>
public sealed record ActiveScenario(string Name, string? DeviceId, DateTimeOffset StartedAt);
