using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Devices;

/// <summary>
/// Adds the devices of <c>Monitoring:DevicesFile</c> after those of <c>Monitoring:Devices</c>, before the options are
/// validated (so <see cref="MonitoringOptionsValidator"/> checks them with the same rules, naming each bad one's line).
/// </summary>
internal sealed class MonitoringDevicesFileSetup(IHostEnvironment? environment = null) : IPostConfigureOptions<MonitoringOptions>
{
    public const string Key = "Monitoring:DevicesFile";

    public void PostConfigure(string? name, MonitoringOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DevicesFile) || options.DevicesFileStart >= 0)
        {
            return;
        }

        var path = Path.GetFullPath(options.DevicesFile, environment?.ContentRootPath ?? Directory.GetCurrentDirectory());
        var content = DeviceFile.Read<DeviceOptions>(path, Key, allowUnknownFields: false);
        options.DevicesFileProblems.AddRange(content.Problems);
        options.DevicesFileStart = options.Devices.Count;
        options.DevicesFileLines = [.. content.Entries.Select(e => e.Line)];
        options.Devices.AddRange(content.Entries.Select(e => e.Device));
    }
}
