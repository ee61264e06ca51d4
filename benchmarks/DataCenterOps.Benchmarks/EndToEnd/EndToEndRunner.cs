using System.Globalization;
using System.Text;

namespace DataCenterOps.Benchmarks.EndToEnd;

/// <summary>
/// Finds every <see cref="IEndToEndBenchmark"/>, runs it and puts its figures at the top of benchmarks/results/NAME.md,
/// above the earlier runs (kept: they are the "before" of the next change), with the machine's load at the start.
/// </summary>
public static class EndToEndRunner
{
    /// <summary><c>--minutes M</c> on the command line: how long the benchmarks that run for a set time (the wall screen) run.</summary>
    public static TimeSpan? Duration { get; private set; }

    public static async Task<int> RunAsync(string[] arguments)
    {
        var names = new List<string>();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] == "--minutes" && i + 1 < arguments.Length
                && double.TryParse(arguments[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
            {
                Duration = TimeSpan.FromMinutes(minutes);
                i++;
            }
            else
            {
                names.Add(arguments[i]);
            }
        }

        var benchmarks = typeof(EndToEndRunner).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEndToEndBenchmark).IsAssignableFrom(t))
            .Select(t => (IEndToEndBenchmark)Activator.CreateInstance(t)!)
            .Where(b => names.Count == 0 || names.Contains(b.Name, StringComparer.OrdinalIgnoreCase))
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

        var resultsDirectory = Directory.CreateDirectory(Path.Combine(FindRepositoryRoot(), "benchmarks", "results"));
        foreach (var benchmark in benchmarks)
        {
            Console.WriteLine($"== {benchmark.Name}");
            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"## {benchmark.Name} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {LoadAverage()})")
                .AppendLine().AppendLine("| what | value | unit |").AppendLine("|---|---:|---|");
            using var timeout = new CancellationTokenSource(benchmark.Timeout);
            foreach (var figure in await benchmark.RunAsync(timeout.Token))
            {
                var line = string.Create(CultureInfo.InvariantCulture, $"| {figure.What} | {figure.Value:0.###} | {figure.Unit} |");
                Console.WriteLine(line);
                report.AppendLine(line);
            }

            var path = Path.Combine(resultsDirectory.FullName, benchmark.Name + ".md");
            await ResultsFile.PrependAsync(path, report.ToString());
            Console.WriteLine($"Figures written to {path}");
        }

        return 0;
    }

    // A figure from a shared machine says as much about the neighbours as about the code: the load is part of the figure.
    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load {fields[0]} at start";
        }
        catch (IOException)
        {
            return "load unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "load unknown";
        }
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataCenterOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
