using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Benchmarks.Hosting;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Benchmarks.Dashboard;

/// <summary>
/// The baseline: the empty Blazor Web App template (`dotnet new blazor --interactivity Server --all-interactive`, same
/// SDK and runtime), built once in Release into a cache folder and run as its own process, so a circuit of nothing can
/// be measured beside ours. Static web assets are served from the build output as in our app (UseStaticWebAssets).
/// </summary>
internal sealed class TemplateAppProcess : IAsyncDisposable
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "dcops-bench", "blazor-template");

    private readonly Process _process;

    private TemplateAppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public long PrivateBytes() => WebAppProcess.PrivateBytesOf(_process.Id);

    public int ProcessId => _process.Id;

    public static async Task<TemplateAppProcess> StartAsync(CancellationToken cancellationToken)
    {
        var dll = Path.Combine(Folder, "bin", "Release", "net10.0", "BlazorTemplate.dll");
        if (!File.Exists(dll))
        {
            await CreateAsync(cancellationToken);
        }

        var port = FreePorts.Tcp();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new TemplateAppProcess(process, string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                using var response = await http.GetAsync(app.BaseUrl + "/", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first answer on a loaded machine.
            }

            await Task.Delay(500, cancellationToken);
        }

        await app.DisposeAsync();
        throw new TimeoutException("The Blazor template app did not answer.");
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

    private static async Task CreateAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        Directory.CreateDirectory(Folder);
        await RunAsync(["new", "blazor", "--name", "BlazorTemplate", "--output", Folder, "--interactivity", "Server", "--all-interactive", "--no-https", "--force"], cancellationToken);
        var program = Path.Combine(Folder, "Program.cs");
        var text = await File.ReadAllTextAsync(program, cancellationToken);
        text = text.Replace("var app = builder.Build();", "builder.WebHost.UseStaticWebAssets();\nvar app = builder.Build();", StringComparison.Ordinal);
        await File.WriteAllTextAsync(program, text, cancellationToken);

        // Outside our repository's Directory.Build.props (warnings as errors, analyzers): an empty file stops the search.
        await File.WriteAllTextAsync(Path.Combine(Folder, "Directory.Build.props"), "<Project />", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Folder, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>", cancellationToken);
        await RunAsync(["build", Folder, "-c", "Release", "-nologo", "-v", "q"], cancellationToken);
    }

    private static async Task RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{await output}\n{await errors}");
        }
    }
}
