using System.Globalization;
using Bunit.TestDoubles;
using Bunit;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Energy;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.Physics;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Traps;
using DataCenterOps.Tests.Monitoring.Devices;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Shared.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>
/// The shared bUnit setup for the room screens: loose JS interop, MudBlazor, an interactive server renderer, and
/// the real live state store and alarm service on a real monitoring.db in a temp folder, on a fake clock.
/// </summary>
public abstract class RoomTestContext : BunitContext, IAsyncLifetime
{
    public static readonly DeviceOptions Ups = new() { Id = "ups-1", Name = "UPS A", Kind = DeviceKind.Ups };
    public static readonly DeviceOptions Crac = new() { Id = "crac-1", Name = "CRAC 1", Kind = DeviceKind.Cooling };
    public static readonly DeviceOptions Env = new() { Id = "env-1", Name = "Sensor ruang", Kind = DeviceKind.Environment };

    private readonly TempDirectory _temp = new();
    private readonly CancellationTokenSource _writerStop = new();
    private readonly Task _writer;

    protected RoomTestContext()
        : this(Ups, Crac, Env)
    {
    }

    /// <summary>A room of these devices (the default room: <see cref="Ups"/>, <see cref="Crac"/>, <see cref="Env"/>).</summary>
    protected RoomTestContext(params DeviceOptions[] devices)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
        var options = Options.Create(new MonitoringOptions { Devices = [.. devices], DataDirectory = _temp.Path });
        MonitoringOptions = options;
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        LiveState = new LiveStateStore(options, NullLogger<LiveStateStore>.Instance);
        Database = new MonitoringDatabase(options);
        Alarms = new AlarmService(new AlarmStore(Database), Time, [], NullLogger<AlarmService>.Instance);
        _writer = Task.Run(() => Alarms.RunWriterAsync(_writerStop.Token));

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton(options);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(LiveState);
        Services.AddSingleton(Alarms);
        Services.AddSingleton(new HistoryQuery(Database));
        Services.AddSingleton(new TemperatureRates(Options.Create(new RoomPhysicsOptions())));
        Services.AddSingleton(Options.Create(new PueOptions()));
        Services.AddSingleton<PueCalculator>();
        Services.AddSingleton<IRoomMaintenanceStatus>(Maintenance);
        Services.AddSingleton<IRoomEquipmentNames>(EquipmentNames);
        Services.AddSingleton<IAlarmActorNames>(ActorNames);
        Services.AddSingleton<IConfiguration>(Configuration);
        Services.AddSingleton(TrapLog);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddDisplayClock();
        Services.AddRoomDashboardServices();
        Services.AddScoped<DataCenterOps.Web.Shared.Sites.SiteContext>();
        Auth = AddAuthorization();

        // Last: it builds the renderer, after which no service can be added.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        // The registry's names are read once before the first render (a test that sets names advances the clock by
        // RoomNames.CacheFor), so that components do not render a second time when the names arrive.
        Services.GetRequiredService<RoomNames>().EnsureLoadedAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Nobody is signed in until a test says so.</summary>
    public BunitAuthorizationContext Auth { get; }

    public FakeTimeProvider Time { get; }

    public MonitoringDatabase Database { get; }

    public IOptions<MonitoringOptions> MonitoringOptions { get; }

    public LiveStateStore LiveState { get; }

    public AlarmService Alarms { get; }

    public FakeMaintenanceStatus Maintenance { get; } = new();

    public FakeEquipmentNames EquipmentNames { get; } = new();

    public FakeAlarmActorNames ActorNames { get; } = new();

    /// <summary>The configuration the services bind (Display:AlarmSound, ...); set keys before the first render.</summary>
    public IConfigurationRoot Configuration { get; } = new ConfigurationBuilder().AddInMemoryCollection().Build();

    /// <summary>The receiver's trap log (empty until a test adds entries).</summary>
    public TrapLog TrapLog { get; } = new(Options.Create(new TrapOptions()), NullLogger<TrapLog>.Instance);

    /// <summary>A successful poll of <paramref name="deviceId"/> now.</summary>
    public void Poll(string deviceId, params PointReading[] readings) =>
        LiveState.ApplySuccess(deviceId, readings, Time.GetUtcNow(), TimeSpan.FromMilliseconds(5));

    public void Miss(string deviceId, int times)
    {
        for (var i = 0; i < times; i++)
        {
            LiveState.ApplyMiss(deviceId, Time.GetUtcNow(), TimeSpan.FromSeconds(1), "Timed out", missedPollsForCommLost: 3);
        }
    }

    public void Raise(string deviceId, string key, AlarmSeverity severity, string message) =>
        Alarms.Apply(deviceId, [AlarmCondition.Active(key, severity, message)], complete: false);

    public void Clear(string deviceId, string key) =>
        Alarms.Apply(deviceId, [AlarmCondition.Inactive(key)], complete: false);

    public static PointReading Reading(string point, double value, string unit = "") => new(point, value, null, unit, PointQuality.Good);

    public static PointReading State(string point, double value, string text) => new(point, value, text, "", PointQuality.Good);

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _writerStop.CancelAsync();
        await _writer;
        _writerStop.Dispose();
        _temp.Dispose();
    }
}
