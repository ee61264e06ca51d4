using System.Diagnostics;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>What every snmpd fixture does with its process: wait until it answers, and stop it.</summary>
internal static class SnmpdProcess
{
    /// <summary>True once the agent answers a GET of sysUpTime with <paramref name="probe"/>; false if it exits or stays silent for 20 s.</summary>
    public static async Task<bool> AnswersAsync(Process? process, SnmpTarget probe)
    {
        await using var client = new SnmpClient();
        probe = probe with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process is null || process.HasExited)
            {
                return false;
            }

            try
            {
                await client.GetAsync(probe, [ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0")]);
                return true;
            }
            catch (SnmpTimeoutException)
            {
                // Not listening yet.
            }
        }

        return false;
    }

    public static async Task KillAsync(Process? process)
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
