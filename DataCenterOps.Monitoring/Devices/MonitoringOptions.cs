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

    /// <summary>
    /// <c>Monitoring:LeaseSeconds</c>: how long a poller's lease on a device lasts in the shared database (renewed every
    /// third of it). A node that dies has its devices taken over within three lease periods. Only with PostgreSQL.
    /// </summary>
    public int LeaseSeconds { get; set; } = 10;

    /// <summary>
    /// <c>Monitoring:PollerGroup</c>: the poller group this node belongs to (the way Zabbix proxy groups work). A device
    /// with a <see cref="DeviceOptions.PollerGroup"/> is leased only by nodes of that group; a device without one by any node.
    /// </summary>
    public string? PollerGroup { get; set; }

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public DeviceOptions? Find(string deviceId) => Devices.Find(d => d.Id == deviceId);
}
