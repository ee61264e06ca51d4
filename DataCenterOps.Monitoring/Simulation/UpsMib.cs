using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// The whole RFC 1628 UPS-MIB of one simulated UPS (upsIdent, battery, input, output, bypass, alarm, test, control and
/// config groups), beyond the points its profile reads. Not-accessible index columns (upsInputLineIndex,
/// upsAlarmId, …) are not served, as the MIB says. The alarm table holds a row per condition while it lasts, with
/// ids counting up from 1 and upsAlarmTime the sysUpTime at which it was detected.
/// </summary>
internal sealed class UpsMib
{
    public const string Manufacturer = "DataCenterOps";
    public const string Model = "Simulated double-conversion UPS 10 kVA";
    public const string UpsSoftwareVersion = "SIM-UPS 1.0";
    public const string AgentSoftwareVersion = "DataCenterOps simulator SNMP agent 1.0";
    public const string AttachedDevices = "IT racks, row A";

    /// <summary>upsConfigOutputVA and upsConfigOutputPower of the simulated unit.</summary>
    public const double RatedVa = 10_000;
    public const double RatedWatts = 8_000;

    /// <summary>upsConfigLowBattTime: batteryLow at or below this many minutes of runtime.</summary>
    public const int LowBatteryMinutes = 5;

    // Well-known alarms (RFC 1628 upsWellKnownAlarms, 1.3.6.1.2.1.33.1.6.3.N).
    public const uint AlarmOnBattery = 2;
    public const uint AlarmLowBattery = 3;
    public const uint AlarmDepletedBattery = 4;
    public const uint AlarmUpsOutputOff = 14;

    private const int OutputSourceNone = 2;
    private const int OutputSourceBattery = 5;

    private static readonly ObjectIdentifier Objects = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1");
    private static readonly ObjectIdentifier AlarmDescr = Oid("6.2.1.2");
    private static readonly ObjectIdentifier AlarmTime = Oid("6.2.1.3");

    private readonly SnmpMibTable _table;
    private readonly SortedDictionary<uint, (uint Alarm, uint Time)> _rows = [];
    private uint _nextAlarmId = 1;

    public UpsMib(SnmpMibTable table, string name)
    {
        _table = table;
        _table.DefineObject(AlarmDescr);
        _table.DefineObject(AlarmTime);
        RemoveAlarmRows();

        Text("1.1.0", Manufacturer);
        Text("1.2.0", Model);
        Text("1.3.0", UpsSoftwareVersion);
        Text("1.4.0", AgentSoftwareVersion);
        Text("1.5.0", name);
        Text("1.6.0", AttachedDevices);

        // Test group: no test run since the agent started.
        _table.Set(Oid("7.1.0"), SnmpValue.Oid(Oid("7.7.1"))); // upsTestId = upsTestNoTestsInitiated
        Integer("7.2.0", 1);                                    // upsTestSpinLock starts at 1
        Integer("7.3.0", 6);                                    // upsTestResultsSummary noTestsInitiated(6)
        Text("7.4.0", "");                                      // upsTestResultsDetail
        _table.Set(Oid("7.5.0"), SnmpValue.TimeTicks(0));       // upsTestStartTime
        Integer("7.6.0", 0);                                    // upsTestElapsedTime

        // Control group: no shutdown or reboot counting down, auto-restart on.
        Integer("8.1.0", 1);   // upsShutdownType output(1)
        Integer("8.2.0", -1);  // upsShutdownAfterDelay
        Integer("8.3.0", -1);  // upsStartupAfterDelay
        Integer("8.4.0", -1);  // upsRebootWithDuration
        Integer("8.5.0", 1);   // upsAutoRestart on(1)

        // Config group.
        Integer("9.1.0", (long)RoomState.MainsVoltage);
        Integer("9.2.0", (long)(RoomState.NominalFrequency * 10));
        Integer("9.3.0", (long)RoomState.MainsVoltage);
        Integer("9.4.0", (long)(RoomState.NominalFrequency * 10));
        Integer("9.5.0", (long)RatedVa);
        Integer("9.6.0", (long)RatedWatts);
        Integer("9.7.0", LowBatteryMinutes);
        Integer("9.8.0", 2);   // upsConfigAudibleStatus enabled(2)
        Integer("9.9.0", 170); // upsConfigLowVoltageTransferPoint
        Integer("9.10.0", 264); // upsConfigHighVoltageTransferPoint

        Integer("3.2.0", 1); // upsInputNumLines
        Integer("4.3.0", 1); // upsOutputNumLines
        Integer("5.2.0", 1); // upsBypassNumLines
    }

    /// <summary>The present alarm rows (id → well-known alarm number), for tests.</summary>
    public IReadOnlyDictionary<uint, uint> AlarmRows => _rows.ToDictionary(r => r.Key, r => r.Value.Alarm);

    public void Publish(in UpsMibValues v)
    {
        Integer("2.1.0", v.BatteryStatus);
        Integer("2.2.0", Round(v.SecondsOnBattery));
        Integer("2.3.0", Round(v.MinutesRemaining));
        Integer("2.4.0", Round(v.Charge));
        Integer("2.5.0", Round(v.BatteryVoltage * 10));
        Integer("2.6.0", Round(v.BatteryCurrent * 10));
        Integer("2.7.0", Round(v.BatteryTemperature));

        _table.Set(Oid("3.1.0"), SnmpValue.Counter32(v.InputLineBads));
        Integer("3.3.1.2.1", Round(v.InputFrequency * 10));
        Integer("3.3.1.3.1", Round(v.InputVoltage));
        Integer("3.3.1.4.1", Round(v.InputCurrent * 10));
        Integer("3.3.1.5.1", Round(v.InputPower));

        Integer("4.1.0", v.OutputSource);
        Integer("4.2.0", Round(v.OutputFrequency * 10));
        Integer("4.4.1.2.1", Round(v.OutputVoltage));
        Integer("4.4.1.3.1", Round(v.OutputCurrent * 10));
        Integer("4.4.1.4.1", Round(v.OutputPower));
        Integer("4.4.1.5.1", Round(v.OutputLoad));

        // The static bypass is fed from the same supply as the input; it carries nothing while the inverter runs.
        Integer("5.1.0", Round(v.InputFrequency * 10));
        Integer("5.3.1.2.1", Round(v.InputVoltage));
        Integer("5.3.1.3.1", 0);
        Integer("5.3.1.4.1", 0);

        var now = SnmpSystemGroup.UpTimeTicks(v.ElapsedSeconds);
        Alarm(AlarmOnBattery, v.OutputSource == OutputSourceBattery, now);
        Alarm(AlarmLowBattery, v.BatteryStatus == 3, now);
        Alarm(AlarmDepletedBattery, v.BatteryStatus == 4, now);
        Alarm(AlarmUpsOutputOff, v.OutputSource == OutputSourceNone, now);
        _table.Set(Oid("6.1.0"), SnmpValue.Gauge32((uint)_rows.Count));
    }

    private void Alarm(uint alarm, bool present, uint now)
    {
        var id = _rows.FirstOrDefault(r => r.Value.Alarm == alarm).Key;
        if (present && id == 0)
        {
            id = _nextAlarmId++;
            _rows[id] = (alarm, now);
            _table.Set(AlarmDescr.Append(id), SnmpValue.Oid(Oid("6.3").Append(alarm)));
            _table.Set(AlarmTime.Append(id), SnmpValue.TimeTicks(now));
        }
        else if (!present && id != 0)
        {
            _rows.Remove(id);
            _table.Remove(AlarmDescr.Append(id));
            _table.Remove(AlarmTime.Append(id));
        }
    }

    private void RemoveAlarmRows()
    {
        foreach (var column in (ReadOnlySpan<ObjectIdentifier>)[AlarmDescr, AlarmTime])
        {
            while (_table.TryGetNext(column, out var next, out _) && next.StartsWith(column))
            {
                _table.Remove(next);
            }
        }
    }

    private static long Round(double value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);

    private static ObjectIdentifier Oid(string suffix) => ObjectIdentifier.Parse($"{Objects}.{suffix}");

    private void Integer(string suffix, long value) => _table.Set(Oid(suffix), SnmpValue.Integer(value));

    private void Text(string suffix, string value) => _table.Set(Oid(suffix), SnmpValue.OctetString(value));
}
