using System.Diagnostics;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>Runs a net-snmp command-line tool (snmpget, snmpbulkwalk, …) and returns its output lines.</summary>
internal static class NetSnmpTool
{
    public static async Task<IReadOnlyList<string>> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No MIB loading: numeric output only, and no warnings about missing MIB files.
        start.Environment["MIBS"] = string.Empty;
        start.Environment["MIBDIRS"] = string.Empty;
        start.Environment["SNMP_PERSISTENT_DIR"] = Path.GetTempPath();

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        using var cts = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {timeout}.");
        }

        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {errors}{output}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
