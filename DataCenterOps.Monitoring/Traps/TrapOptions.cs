namespace DataCenterOps.Monitoring.Traps;

/// <summary>The <c>Monitoring:Traps</c> section: the SNMP notification receiver (Traps/README.md).</summary>
public sealed class TrapOptions
{
    public const string SectionName = "Monitoring:Traps";

    public bool Enabled { get; set; } = true;

    /// <summary>UDP port; 162 is the standard one (README: how to take it without root). 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 10162;

    /// <summary>The address to listen on: loopback by default; a site sets its management interface's address.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>SNMPv3 USM users whose notifications are accepted (traps: keys localised to the sender's engine; informs: to ours).</summary>
    public List<TrapUserOptions> Users { get; set; } = [];

    /// <summary>
    /// Our snmpEngineID in hex (5–32 bytes), the authoritative engine for SNMPv3 informs. Empty: derived stably from the host
    /// name and <see cref="BindAddress"/>:<see cref="Port"/>; the log line at start shows it.
    /// </summary>
    public string? EngineId { get; set; }

    /// <summary>Datagrams larger than this are counted as <c>oversized</c> and dropped.</summary>
    public int MaxMessageSize { get; set; } = 8192;

    /// <summary>Datagrams waiting between the socket and processing; when full, new ones are counted as <c>queue_full</c> and dropped.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Per source address: sustained notifications per second (token bucket refill).</summary>
    public double PerSourceRate { get; set; } = 20;

    /// <summary>Per source address: burst size (token bucket capacity).</summary>
    public int PerSourceBurst { get; set; } = 100;

    /// <summary>How many notifications the in-memory trap log keeps.</summary>
    public int LogCapacity { get; set; } = 500;
}
