namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>A device under maintenance from <paramref name="Start"/> until <paramref name="End"/> (null: until its work is done), and why.</summary>
public sealed record MaintenanceWindow(string DeviceId, DateTimeOffset Start, DateTimeOffset? End, string Reason)
{
    public bool Covers(DateTimeOffset at) => at >= Start && (End is null || at < End);
}
