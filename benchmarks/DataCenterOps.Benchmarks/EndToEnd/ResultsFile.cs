namespace DataCenterOps.Benchmarks.EndToEnd;

/// <summary>A results file in benchmarks/results: each run goes at the top, above the earlier ones, which stay.</summary>
internal static class ResultsFile
{
    public static async Task PrependAsync(string path, string section)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var earlier = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        await File.WriteAllTextAsync(path, earlier.Length == 0 ? section : section.TrimEnd('\n') + "\n\n" + earlier);
    }
}
