namespace DataCenterOps.Monitoring.Devices;

/// <summary>The <c>Monitoring</c> configuration section.</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    public List<DeviceOptions> Devices { get; set; } = [];

    /// <summary>Consecutive missed polls after which a device is communication-lost.</summary>
    public int MissedPollsForCommLost { get; set; } = 3;

    /// <summary>Polls in flight at once across all devices.</summary>
    public int MaxConcurrentPolls { get; set; } = 32;

    public HistoryOptions History { get; set; } = new();

    /// <summary>Where history's file goes (<c>Monitoring:DataDirectory</c>); unset, the host passes its data folder in.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The shared PostgreSQL database of a many-node installation; the host sets it from Storage:Provider PostgreSql and
    /// <c>ConnectionStrings:DataCenterOps</c>. Unset (the SQLite default) monitoring keeps <c>monitoring.db</c> and one node does everything.
    /// </summary>
    public string? PostgreSqlConnectionString { get; set; }

    public DeviceOptions? Find(string deviceId) => Devices.Find(d => d.Id == deviceId);
}
