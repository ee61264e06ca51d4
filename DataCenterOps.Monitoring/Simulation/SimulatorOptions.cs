using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>The simulated room (section "Simulator"): one SNMP port and one Modbus TCP port on loopback serving every simulated device.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    public bool Enabled { get; set; } = true;

    /// <summary>Address the agent and server bind to; loopback unless a training room needs otherwise.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>UDP port of the SNMP agent (0 picks a free one).</summary>
    [Range(0, 65535)]
    public int SnmpPort { get; set; } = 16161;

    /// <summary>TCP port of the Modbus server (0 picks a free one).</summary>
    [Range(0, 65535)]
    public int ModbusPort { get; set; } = 15020;

    /// <summary>How often the room advances and republishes its values.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>When set, a mains failure ends by itself (mains returns) after this long; otherwise it lasts until stopped.</summary>
    public TimeSpan? MainsFailureDuration { get; set; }

    /// <summary>
    /// While genset-fail-to-start holds, the UPS batteries discharge this many times faster than real time, so that a
    /// drill reaches low battery and depletion in minutes (about 26 min of runtime at 38 % load becomes 2.6 min at 10).
    /// </summary>
    [Range(1.0, 3600.0)]
    public double GensetFailToStartDrainFactor { get; set; } = 10;

    /// <summary>Seed of the measurement noise, so that a run can be repeated.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>
    /// Where the simulated devices send their SNMP notifications ("host:port" each). Not set: the app's own trap receiver
    /// (Monitoring:Traps, 127.0.0.1:10162 by default). Empty entries are skipped, so one empty entry turns sending off.
    /// </summary>
    public List<string>? TrapSinks { get; set; }

    /// <summary>How the notifications are sent: <c>V2c</c> (the device's community, the default) or <c>V3</c> (USM, as <see cref="TrapUser"/>).</summary>
    public SimulatorTrapVersion TrapVersion { get; set; } = SimulatorTrapVersion.V2c;

    /// <summary>
    /// With <see cref="TrapVersion"/> V3: the name of one of <see cref="V3Users"/> the traps are sent as (its protocols give
    /// the level), the agent's engine (<see cref="EngineId"/>, its boots and time) authoritative, contextName the device's community.
    /// </summary>
    public string? TrapUser { get; set; }

    /// <summary>The devices of the room; when empty, the default room (Simulation/README.md) is used.</summary>
    public List<SimulatedDeviceOptions> Devices { get; set; } = [];

    /// <summary>SNMPv3 users of the agent; none turns SNMPv3 off (v3 requests get no answer).</summary>
    public List<SimulatorV3UserOptions> V3Users { get; set; } = [];

    /// <summary>snmpEngineID in hex (5–32 bytes); empty derives a stable one from the host name and the bound endpoint.</summary>
    public string? EngineId { get; set; }

    /// <summary>
    /// <c>Simulator:DevicesFile</c>: a JSON array of simulated devices (<c>Id</c>, <c>Profile</c>, <c>Community</c>,
    /// <c>UnitId</c>; other fields are ignored, so the file of <c>Monitoring:DevicesFile</c> serves too), added after
    /// <see cref="Devices"/> at start. Relative to the content root.
    /// </summary>
    public string? DevicesFile { get; set; }

    /// <summary>Index in <see cref="Devices"/> of the first device read from <see cref="DevicesFile"/> (set at start).</summary>
    internal int DevicesFileStart { get; set; } = -1;

    /// <summary>The line each device from <see cref="DevicesFile"/> starts on, in order from <see cref="DevicesFileStart"/>.</summary>
    internal IReadOnlyList<int> DevicesFileLines { get; set; } = [];

    /// <summary>What stopped <see cref="DevicesFile"/> from being read; reported at start.</summary>
    internal List<string> DevicesFileProblems { get; } = [];
}
