using DataCenterOps.Fuzz.Targets;

namespace DataCenterOps.Fuzz;

/// <summary>Every decoder the fuzzer knows, by the name used on the command line and for the corpus folder.</summary>
internal static class FuzzTargets
{
    public static readonly string[] Names = ["snmp", "snmpv3", "trap", "modbus"];

    public static IFuzzTarget Create(string name) => name switch
    {
        "snmp" => new SnmpTarget(),
        "snmpv3" => new SnmpV3Target(),
        "trap" => new TrapTarget(),
        "modbus" => new ModbusTarget(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown fuzz target."),
    };

    public static IEnumerable<IFuzzTarget> Select(string name) => name == "all" ? Names.Select(Create) : [Create(name)];
}
