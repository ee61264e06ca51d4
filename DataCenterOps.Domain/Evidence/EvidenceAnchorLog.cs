using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// The local anchor file: an append-only text log of chain heads, one line each, every line signed with the evidence
/// key (<c>v1|chain|sequence|seal|atUtc|source|signature</c>). Verification compares the database with the newest
/// anchor per chain: a head behind it means the newest entries were deleted.
/// </summary>
public sealed class EvidenceAnchorLog(string path, EvidenceKey key)
{
    private static readonly ConcurrentDictionary<string, object> s_locks = new(StringComparer.Ordinal);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public void Append(IEnumerable<EvidenceHead> heads, DateTime atUtc, string source)
    {
        var text = new StringBuilder();
        foreach (var head in heads)
        {
            var body = string.Join('|', "v1", head.Chain, head.Sequence.ToString(CultureInfo.InvariantCulture), head.Mac,
                atUtc.ToString("O", CultureInfo.InvariantCulture), source.Replace('|', '/'));
            text.Append(body).Append('|').Append(key.SignAnchor(body)).Append('\n');
        }

        if (text.Length == 0)
        {
            return;
        }

        lock (s_locks.GetOrAdd(Path, _ => new object()))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The newest anchor per chain among the lines whose signature holds (a missing file is an empty log).</summary>
    public AnchorLogContent Read()
    {
        var latest = new Dictionary<string, EvidenceAnchor>(StringComparer.Ordinal);
        if (!File.Exists(Path))
        {
            return new(latest, 0, 0);
        }

        var lines = 0;
        var invalid = 0;
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            lines++;
            if (Parse(line) is not { } anchor)
            {
                invalid++;
                continue;
            }

            // A later line of a chain never lowers what an earlier one proved existed.
            if (!latest.TryGetValue(anchor.Head.Chain, out var known) || anchor.Head.Sequence >= known.Head.Sequence)
            {
                latest[anchor.Head.Chain] = anchor;
            }
        }

        return new(latest, lines, invalid);
    }

    private EvidenceAnchor? Parse(string line)
    {
        var cut = line.LastIndexOf('|');
        if (cut <= 0)
        {
            return null;
        }

        var body = line[..cut];
        if (!EvidenceKey.SameMac(key.SignAnchor(body), line[(cut + 1)..]))
        {
            return null;
        }

        var parts = body.Split('|');
        if (parts.Length != 6 || parts[0] != "v1"
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !DateTime.TryParse(parts[4], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            return null;
        }

        return new(new EvidenceHead(parts[1], sequence, parts[3]), at, parts[5]);
    }
}
