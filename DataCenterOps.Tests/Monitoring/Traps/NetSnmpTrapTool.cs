using System.Diagnostics;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>
/// Runs net-snmp's snmptrap / snmpinform (Debian package snmp) with MIBS="" and a temporary SNMP_PERSISTENT_DIR and HOME.
/// Returns the exit code and output; snmpinform exits 0 only when its inform was answered.
/// </summary>
internal static class NetSnmpTrapTool
{
    public static Task<(int ExitCode, string Output)> TrapAsync(params string[] arguments) => RunAsync("snmptrap", arguments);

    public static Task<(int ExitCode, string Output)> InformAsync(params string[] arguments) => RunAsync("snmpinform", arguments);

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, string[] arguments)
    {
        var home = Directory.CreateTempSubdirectory("dcops-nettrap-");
        try
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

            start.Environment["MIBS"] = string.Empty;
            start.Environment["MIBDIRS"] = string.Empty;
            start.Environment["SNMP_PERSISTENT_DIR"] = home.FullName;
            start.Environment["HOME"] = home.FullName;
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
            var stderr = process.StandardError.ReadToEndAsync(cts.Token);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish within 30 s.");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
