using System.Text.Json;
using DataCenterOps.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace DataCenterOps.Tests.Web;

/// <summary>The real app over HTTP, on its own SQLite file in a unique temp folder, with demo data.</summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Test-2026";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "dcops-tests", "web-" + Guid.NewGuid().ToString("N"));

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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
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
