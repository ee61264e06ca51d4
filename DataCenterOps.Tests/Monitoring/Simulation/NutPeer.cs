using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Tests.Monitoring.Polling;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>
/// Network UPS Tools from Debian (nut-snmp, nut-server, nut-client) run against an SNMP agent on loopback: the
/// snmp-ups driver once from the command line (<c>-d 1</c> prints what it read), or the driver and upsd in the
/// foreground with their configuration in a temporary folder, read with upsc. A missing binary fails the test with
/// the package to install; it is never skipped.
/// </summary>
internal sealed class NutPeer : IAsyncDisposable
{
    public const string Driver = "/lib/nut/snmp-ups";
    public const string Upsd = "/lib/nut/upsd";
    public const string Upsc = "/usr/bin/upsc";
    public const string UpsName = "sim";

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dco-nut-" + Guid.NewGuid().ToString("N"));
    private readonly List<Process> _processes = [];

    private NutPeer(int upsdPort) => UpsdPort = upsdPort;

    public int UpsdPort { get; }

    /// <summary>Runs <c>snmp-ups -d 1</c> once and returns the variables it printed.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadOnceAsync(int agentPort, string community, string mibs)
    {
        Require(Driver, "nut-snmp");
        var state = Path.Combine(Path.GetTempPath(), "dco-nut-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        try
        {
            var (exitCode, output, error) = await RunAsync(Driver,
                ["-s", "test", "-x", $"port=127.0.0.1:{agentPort}", "-x", $"community={community}", "-x", "snmp_version=v2c",
                 "-x", $"mibs={mibs}", "-u", "root", "-d", "1"],
                new Dictionary<string, string> { ["NUT_STATEPATH"] = state });
            Assert.True(exitCode == 0, $"snmp-ups (mibs={mibs}) exited {exitCode}: {error}{output}");
            return Parse(output);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    /// <summary>Starts the driver (polling every second) and upsd on a free port, and waits until upsc answers.</summary>
    public static async Task<NutPeer> StartAsync(int agentPort, string community)
    {
        Require(Driver, "nut-snmp");
        Require(Upsd, "nut-server");
        Require(Upsc, "nut-client");
        var peer = new NutPeer(FreePorts.Tcp());
        try
        {
            await peer.StartCoreAsync(agentPort, community);
            return peer;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every variable upsd holds for the UPS, as <c>upsc NAME@127.0.0.1:PORT</c> lists them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ListAsync()
    {
        var (exitCode, output, error) = await RunAsync(Upsc, [$"{UpsName}@127.0.0.1:{UpsdPort}"], null);
        return exitCode == 0 ? Parse(output) : throw new InvalidOperationException($"upsc exited {exitCode}: {error}{output}");
    }

    /// <summary>Waits (bounded, as <see cref="Eventually"/>) until upsc shows a variable satisfying the condition; returns everything it listed then.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WaitForAsync(string variable, Func<string, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Eventually.Limit;
        IReadOnlyDictionary<string, string> last = new Dictionary<string, string>();
        while (DateTime.UtcNow < deadline)
        {
            var (exitCode, output, _) = await RunAsync(Upsc, [$"{UpsName}@127.0.0.1:{UpsdPort}"], null);
            if (exitCode == 0)
            {
                last = Parse(output);
                if (last.TryGetValue(variable, out var value) && condition(value))
                {
                    return last;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Still waiting for: {what}; upsc last showed {variable} = {last.GetValueOrDefault(variable) ?? "(nothing)"}");
    }

    public static double Number(IReadOnlyDictionary<string, string> variables, string name) =>
        variables.TryGetValue(name, out var text)
            ? double.Parse(text, CultureInfo.InvariantCulture)
            : throw new KeyNotFoundException($"NUT shows no '{name}'. It shows: {string.Join(", ", variables.Keys)}");

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the driver's socket may linger a moment.
        }
    }

    private async Task StartCoreAsync(int agentPort, string community)
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "ups.conf"), string.Join('\n',
            $"[{UpsName}]", "  driver = snmp-ups", $"  port = 127.0.0.1:{agentPort}", $"  community = {community}",
            "  snmp_version = v2c", "  mibs = ietf", "  pollinterval = 1", "  pollfreq = 1", ""));
        await File.WriteAllTextAsync(Path.Combine(_directory, "upsd.conf"), $"LISTEN 127.0.0.1 {UpsdPort}\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "upsd.users"), "");
        await File.WriteAllTextAsync(Path.Combine(_directory, "nut.conf"), "MODE=standalone\n");
        _processes.Add(Start(Driver, ["-a", UpsName, "-u", "root", "-F"]));
        _processes.Add(Start(Upsd, ["-u", "root", "-F"]));
        await WaitForAsync("ups.status", _ => true, "upsd serving the simulated UPS");
    }

    private Process Start(string fileName, IEnumerable<string> arguments)
    {
        var start = Info(fileName, arguments, new Dictionary<string, string> { ["NUT_CONFPATH"] = _directory, ["NUT_STATEPATH"] = _directory });
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {fileName}.");
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, IEnumerable<string> arguments, Dictionary<string, string>? environment)
    {
        using var process = Process.Start(Info(fileName, arguments, environment)) ?? throw new InvalidOperationException($"Cannot start {fileName}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {ToolTimeout}.");
        }

        return (process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo Info(string fileName, IEnumerable<string> arguments, Dictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static Dictionary<string, string> Parse(string output)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && !line[..colon].Any(char.IsWhiteSpace))
            {
                variables[line[..colon]] = line[(colon + 2)..];
            }
        }

        return variables;
    }

    private static void Require(string path, string package) =>
        Assert.True(File.Exists(path), $"Network UPS Tools is missing: {path} not found. Install it with `apt-get install -y {package}` (test.sh does).");
}
