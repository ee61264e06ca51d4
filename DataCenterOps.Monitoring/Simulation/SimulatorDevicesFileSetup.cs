using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Adds the devices of <c>Simulator:DevicesFile</c> after those of <c>Simulator:Devices</c>, before the checks at start.</summary>
internal sealed class SimulatorDevicesFileSetup(IHostEnvironment? environment = null) : IPostConfigureOptions<SimulatorOptions>
{
    public const string Key = "Simulator:DevicesFile";

    public void PostConfigure(string? name, SimulatorOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DevicesFile) || options.DevicesFileStart >= 0)
        {
            return;
        }

        var path = Path.GetFullPath(options.DevicesFile, environment?.ContentRootPath ?? Directory.GetCurrentDirectory());
        var content = DeviceFile.Read<SimulatedDeviceOptions>(path, Key, allowUnknownFields: true);
        options.DevicesFileProblems.AddRange(content.Problems);
        options.DevicesFileStart = options.Devices.Count;
        options.DevicesFileLines = [.. content.Entries.Select(e => e.Line)];
        options.Devices.AddRange(content.Entries.Select(e => e.Device));
    }
}
