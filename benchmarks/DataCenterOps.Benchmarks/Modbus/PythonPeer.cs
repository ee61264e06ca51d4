using System.Diagnostics;
using System.Globalization;

namespace DataCenterOps.Benchmarks.Modbus;

/// <summary>Starts and stops the pymodbus peers (run with /usr/bin/python3, which has python3-pymodbus).</summary>
internal sealed class PythonPeer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;

    private PythonPeer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts a long-running server script that prints "LISTENING port".</summary>
    public static async Task<PythonPeer> StartServerAsync(string script, CancellationToken cancellationToken)
    {
        var process = Process.Start(Info(script, "0")) ?? throw new InvalidOperationException($"Cannot start {Python}.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not start: {line}");
        }

        return new PythonPeer(process, int.Parse(line["LISTENING ".Length..], CultureInfo.InvariantCulture));
    }

    /// <summary>Runs a script to completion and returns its standard output.</summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(Info(script, [.. arguments])) ?? throw new InvalidOperationException($"Cannot start {Python}.");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{script} failed: {output} {await error}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo Info(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
