using System.Text.Json;
using DataCenterOps.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Tests.Web;

/// <summary>
/// The real app (the real <c>Program</c>) on its own SQLite file, by default in a unique temp folder with demo data.
/// Every test host is one of these: what differs between them is configuration only, plus — where a test must
/// control time — a fake clock in place of the app's one <see cref="TimeProvider"/>, and where a test reads the log,
/// a log sink in place of the console.
/// </summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Test-2026";

    private readonly bool _ownsDataDirectory;

    /// <summary>A fresh temp data folder, removed when the factory is disposed.</summary>
    public WebAppFactory()
        : this(Path.Combine(Path.GetTempPath(), "dcops-tests", "web-" + Guid.NewGuid().ToString("N")), ownsDataDirectory: true)
    {
    }

    /// <summary>The app on the caller's data folder (kept afterwards: a test may start the app on it again).</summary>
    /// <remarks>A factory method, not a constructor: xunit's class fixtures must have a single public constructor.</remarks>
    public static WebAppFactory On(string dataDirectory) => new(dataDirectory, ownsDataDirectory: false);

    private WebAppFactory(string dataDirectory, bool ownsDataDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public string DataDirectory { get; }

    /// <summary>The app's one clock, when a test must move time itself; null keeps the system clock.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Where log lines go instead of the console, when a test reads them; null keeps the defaults.</summary>
    public ILoggerProvider? LogSink { get; set; }

    /// <summary>The host environment; null keeps WebApplicationFactory's (Development).</summary>
    public string? EnvironmentName { get; set; }

    /// <summary>The simulator's ports for this app: unique, so factories in parallel never collide.</summary>
    public int SimulatorSnmpPort { get; } = FreePorts.Udp();

    public int SimulatorModbusPort { get; } = FreePorts.Tcp();

    /// <summary>Settings a test adds or overrides before the app starts (applied after the ones above).</summary>
    public IDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Bootstrap:SeedDemoData"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            // Hangfire's own server is tested in Routine/; here it would only add background load.
            ["Hangfire:Enabled"] = "false",
            ["Simulator:SnmpPort"] = SimulatorSnmpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulator:ModbusPort"] = SimulatorModbusPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The app's trap receiver on a free port (10162 may be taken); the simulator sends to wherever it listens.
            ["Monitoring:Traps:Port"] = "0",
        };
        foreach (var (index, protocol) in ConfiguredDeviceProtocols())
        {
            var port = protocol == "Snmp" ? SimulatorSnmpPort : SimulatorModbusPort;
            settings[$"Monitoring:Devices:{index}:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        if (EnvironmentName is not null)
        {
            builder.UseEnvironment(EnvironmentName);
        }

        if (LogSink is not null)
        {
            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(LogSink);
            });
        }

        if (Clock is not null)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(Clock);
            });
        }
    }

    // The shipped devices point at the simulator's default ports; each test app moves them to its own.
    internal static IEnumerable<(int Index, string Protocol)> ConfiguredDeviceProtocols()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        var devices = file.RootElement.GetProperty("Monitoring").GetProperty("Devices");
        for (var i = 0; i < devices.GetArrayLength(); i++)
        {
            yield return (i, devices[i].GetProperty("Protocol").GetString()!);
        }
    }

    /// <summary>The index of a device in the root appsettings.json's <c>Monitoring:Devices</c>, by its id.</summary>
    internal static int ConfiguredDeviceIndex(string deviceId)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        var devices = file.RootElement.GetProperty("Monitoring").GetProperty("Devices");
        for (var i = 0; i < devices.GetArrayLength(); i++)
        {
            if (devices[i].GetProperty("Id").GetString() == deviceId)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No device {deviceId} in appsettings.json.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner if a handle lingers on a busy machine.
        }
    }
}
