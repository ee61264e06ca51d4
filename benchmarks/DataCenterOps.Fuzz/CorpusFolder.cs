using System.Security.Cryptography;

namespace DataCenterOps.Fuzz;

/// <summary>
/// The corpus kept in the repository, one file per input under <c>benchmarks/DataCenterOps.Fuzz/corpus/TARGET</c>,
/// named by the first bytes of its SHA-256 so that the same input is never kept twice.
/// </summary>
internal static class CorpusFolder
{
    public const string RelativePath = "benchmarks/DataCenterOps.Fuzz/corpus";

    /// <summary>The repository's corpus folder, found upwards from the running program.</summary>
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No {RelativePath} above {AppContext.BaseDirectory}; pass --corpus DIR.");
    }

    public static List<byte[]> Load(string root, string target)
    {
        var dir = Path.Combine(root, target);
        return Directory.Exists(dir)
            ? [.. Directory.EnumerateFiles(dir, "*.bin").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]
            : [];
    }

    /// <summary>Writes the input unless an equal one is there; true when it was new.</summary>
    public static bool Save(string root, string target, byte[] input)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, target)).FullName;
        var path = Path.Combine(dir, Convert.ToHexStringLower(SHA256.HashData(input).AsSpan(0, 8)) + ".bin");
        if (File.Exists(path))
        {
            return false;
        }

        File.WriteAllBytes(path, input);
        return true;
    }
}
