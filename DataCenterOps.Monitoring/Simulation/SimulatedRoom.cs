using DataCenterOps.Monitoring.Modbus.Server;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp.Agent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// The simulated machine room: every configured device, the physics that links them (power, heat) and the
/// scenarios. Time comes only from the <see cref="TimeProvider"/>; <see cref="Tick"/> advances the room to
/// "now" in steps of at most one second and publishes the values to the devices' wire tables.
/// </summary>
public sealed partial class SimulatedRoom : ISimulatorControl
{
    private static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(1);

    // Devices of one kind differ a little by their position among that kind (a UPS's load, a probe's offset, a rack's
    // kW), cycling through this many variants: the first five of a kind are as before, and a room of thousands of extra
    // devices (the scale benchmarks) stays plausible. Unbounded, the 1,000th probe read 22 °C + 400 °C and −350 % RH.
    private const int VariantsPerKind = 5;

    // After a long pause (a suspended machine) the room skips ahead rather than replaying hours of steps.
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<SimulatedDevice> _devices;
    private readonly Dictionary<string, SimulatedDevice> _byId;
    private readonly List<ActiveScenario> _active = [];
    private List<IDeviceModel> _models = [];
    private RoomState _room = null!;
    private DateTimeOffset _origin;
    private DateTimeOffset _last;

    public SimulatedRoom(IOptions<SimulatorOptions> options, ProfileCatalog catalog, TimeProvider timeProvider, ILogger<SimulatedRoom>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _devices = SimulatorDeviceLayout.Build(_options, catalog);
        _byId = _devices.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var views = new SnmpCommunityViews();
        var units = new ModbusUnitMap();
        foreach (var device in _devices)
        {
            if (device.Community is { } community)
            {
                var table = new SnmpMibTable();
                views.Add(community, table);
                device.Sink = new SnmpTableSink(table);
                device.Table = table;
                SnmpSystemGroup.Write(table, device);
            }
            else
            {
                var bank = new ModbusRegisterBank();
                units.Set(device.UnitId!.Value, bank);
                device.Sink = new ModbusBankSink(bank, device.Profile);
            }
        }

        SnmpData = views;
        ModbusData = units;
        lock (_gate)
        {
            Rebuild();
        }
    }

    /// <summary>Raised after a scenario starts or stops, or the room is reset (outside the room's lock).</summary>
    public event EventHandler? ScenariosChanged;

    /// <summary>What the SNMP agent serves: one MIB view per SNMP device, selected by community.</summary>
    public ISnmpAgentData SnmpData { get; }

    /// <summary>What the Modbus server serves: one register bank per Modbus device, selected by unit id.</summary>
    public IModbusServerData ModbusData { get; }

    public IReadOnlyList<SimulatedDeviceInfo> Devices
    {
        get
        {
            lock (_gate)
            {
                return _devices.Select(d => d.Info).ToArray();
            }
        }
    }

    public IReadOnlyList<ActiveScenario> ActiveScenarios
    {
        get
        {
            lock (_gate)
            {
                return _active.ToArray();
            }
        }
    }

    public IReadOnlyList<ScenarioInfo> Scenarios
    {
        get
        {
            lock (_gate)
            {
                return ScenarioDefinition.All
                    .Select(def =>
                    {
                        var on = _active.Where(a => a.Name == def.Name).Select(a => a.DeviceId).ToArray();
                        return new ScenarioInfo(def.Name, def.Description, def.DeviceUse, on.Length > 0, on);
                    })
                    .ToArray();
            }
        }
    }

    internal IReadOnlyList<SimulatedDevice> DeviceModels => _devices;

    /// <summary>
    /// The rows of a simulated RFC 1628 UPS's upsAlarmTable as it serves them (upsAlarmId → well-known alarm number,
    /// 1.3.6.1.2.1.33.1.6.3.N); null for a device without the UPS-MIB.
    /// </summary>
    internal IReadOnlyDictionary<uint, uint>? GetUpsAlarmRows(string deviceId)
    {
        lock (_gate)
        {
            return _models.OfType<UpsModel>().FirstOrDefault(m => string.Equals(m.Device.Id, deviceId, StringComparison.Ordinal))?.Mib?.AlarmRows;
        }
    }

    /// <summary>The engineering value a device holds for a point, exactly as a client decodes it through the profile.</summary>
    /// <exception cref="SimulatorException">Unknown device or point.</exception>
    public double GetValue(string deviceId, string pointName)
    {
        lock (_gate)
        {
            var device = Find(deviceId);
            return device.TryGet(pointName, out var value)
                ? value
                : throw new SimulatorException(SimulatorError.UnknownPoint, $"Simulated device '{deviceId}' has no point '{pointName}'.");
        }
    }

    /// <summary>The state name of an enumerated point's present value (null for analog points).</summary>
    public string? GetState(string deviceId, string pointName)
    {
        var value = GetValue(deviceId, pointName);
        lock (_gate)
        {
            var point = Find(deviceId).Profile.GetPoint(pointName);
            return point.StateOf(point.ToRaw(value));
        }
    }

    public SimulatedFault GetFault(string deviceId)
    {
        lock (_gate)
        {
            return Find(deviceId).Fault;
        }
    }

    /// <summary>Advances the room to the time provider's "now" and publishes every value.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            AdvanceTo(_time.GetUtcNow());
            PublishAll();
        }
    }

    private SimulatedDevice Find(string deviceId) =>
        _byId.TryGetValue(deviceId, out var device)
            ? device
            : throw new SimulatorException(SimulatorError.UnknownDevice,
                $"No simulated device '{deviceId}'. Known: {string.Join(", ", _byId.Keys)}.");

    private void Rebuild()
    {
        var random = new Random(_options.Seed);
        var counts = new Dictionary<DeviceKind, int>();
        int Next(DeviceKind kind)
        {
            counts.TryGetValue(kind, out var n);
            counts[kind] = n + 1;
            return n % VariantsPerKind;
        }

        _models = _devices
            .Select(d => d.Profile.Kind switch
            {
                DeviceKind.Ups => (IDeviceModel)new UpsModel(d, random, 38 + 6 * Next(DeviceKind.Ups)),
                DeviceKind.Genset => new GensetModel(d, random),
                DeviceKind.Cooling => Cooling(d, random, Next(DeviceKind.Cooling)),
                DeviceKind.FireSuppression => new FirePanelModel(d),
                DeviceKind.Pdu => new PduModel(d, random, Next(DeviceKind.Pdu)),
                DeviceKind.PowerMeter => new PowerMeterModel(d, random),
                _ => new EnvironmentSensorModel(d, random, 0.4 * Next(DeviceKind.Environment)),
            })
            .OrderBy(m => StepOrder(m.Device.Profile.Kind))
            .ToList();
        _origin = _last = _time.GetUtcNow();
        _room = new RoomState(_active) { LocalTime = _time.GetLocalNow() };
        RoomClimate.Diurnal(_room);
        ApplyScenarios();
        PublishAll();
    }

    private static CracModel Cooling(SimulatedDevice device, Random random, int index) =>
        new(device, random, -0.2 * index, compressorOn: index == 0);

    // Power first (the genset decides whether the UPSs and the cooling have input), then heat, then sensors.
    private static int StepOrder(DeviceKind kind) => kind switch
    {
        DeviceKind.Genset => 0,
        DeviceKind.Ups => 1,
        DeviceKind.Pdu => 1,
        DeviceKind.Cooling => 2,
        _ => 3,
    };

    private void AdvanceTo(DateTimeOffset now)
    {
        if (now - _last > MaxCatchUp)
        {
            _last = now - MaxCatchUp;
        }

        while (_last < now)
        {
            var step = now - _last < MaxStep ? now - _last : MaxStep;
            _last += step;
            _room.Elapsed = (_last - _origin).TotalSeconds;
            _room.LocalTime = TimeZoneInfo.ConvertTime(_last, _time.LocalTimeZone);
            ExpireScenarios();
            Step(step.TotalSeconds);
        }
    }

    private void Step(double seconds)
    {
        _room.CoolingRate = 0;
        _room.CompressorsRunning = 0;
        _room.UpsLoadTotal = 0;
        _room.ItPowerKw = 0;
        RoomClimate.Diurnal(_room);
        foreach (var model in _models)
        {
            if (StepOrder(model.Device.Profile.Kind) == 3)
            {
                continue;
            }

            model.Step(_room, seconds);
        }

        RoomClimate.Step(_room, seconds);
        foreach (var model in _models)
        {
            if (StepOrder(model.Device.Profile.Kind) == 3)
            {
                model.Step(_room, seconds);
            }
        }
    }

    private void PublishAll()
    {
        foreach (var model in _models)
        {
            model.Publish(_room);
            if (model.Device.Table is { } table)
            {
                SnmpSystemGroup.SetUpTime(table, _room.Elapsed);
            }
        }
    }
}
