namespace DataCenterOps.Monitoring.Devices;

/// <summary>The <c>Monitoring</c> configuration section.</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    public List<DeviceOptions> Devices { get; set; } = [];

    /// <summary>Consecutive missed polls after which a device is communication-lost.</summary>
    public int MissedPollsForCommLost { get; set; } = 3;

    /// <summary>
    /// Polls in flight at once across all devices. Unset (the default), <see cref="Polling.PollSlots.For"/> sizes it to the
    /// fleet — the polls that would be in flight if every device took its whole request timeout — and it grows as devices
    /// are added; set, it is fixed.
    /// </summary>
    public int? MaxConcurrentPolls { get; set; }

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

    public DeviceOptions? Find(string deviceId)
    {
        // Asked on every poll's alarm evaluation: a scan of 10,000 devices each time would cost more than the poll.
        var index = _byId;
        if (index is null || !ReferenceEquals(index.Devices, Devices) || index.Count != Devices.Count)
        {
            index = new DeviceIndex(Devices);
            _byId = index;
        }

        return index.ById.GetValueOrDefault(deviceId);
    }

    /// <summary>
    /// <c>Monitoring:DevicesFile</c>: a JSON file listing devices with the same fields as <see cref="Devices"/> (one array
    /// of entries), read at start and added after them — how a site of thousands of devices lists them, because binding
    /// that many list elements from configuration keys grows with the square of their count. Relative to the content root.
    /// </summary>
    public string? DevicesFile { get; set; }

    /// <summary>Index in <see cref="Devices"/> of the first device read from <see cref="DevicesFile"/> (set at start).</summary>
    internal int DevicesFileStart { get; set; } = -1;

    /// <summary>The line each device from <see cref="DevicesFile"/> starts on, in order from <see cref="DevicesFileStart"/>.</summary>
    internal IReadOnlyList<int> DevicesFileLines { get; set; } = [];

    /// <summary>What stopped <see cref="DevicesFile"/> from being read; reported by the validator at start.</summary>
    internal List<string> DevicesFileProblems { get; } = [];

    private DeviceIndex? _byId;

    private sealed class DeviceIndex(List<DeviceOptions> devices)
    {
        public List<DeviceOptions> Devices { get; } = devices;

        public int Count { get; } = devices.Count;

        // First entry wins, as List.Find did (duplicates are refused at start anyway).
        public Dictionary<string, DeviceOptions> ById { get; } = devices
            .DistinctBy(d => d.Id, StringComparer.Ordinal)
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
    }
}
