using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// Runs only the simulated room (no web app, no database): for training, or to test another monitoring tool
/// against it. Configuration as usual (appsettings.json, environment, command line such as
/// <c>--Simulator:SnmpPort=1161</c>); the simulator is always enabled here. Ends when cancelled (Ctrl+C).
/// </summary>
public static class SimulatorStandalone
{
    public static async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration[$"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.Enabled)}"] = "true";
        builder.AddSimulator();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
