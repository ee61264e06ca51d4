using System.Collections.Concurrent;
using DataCenterOps.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Steps.EvidencePack;

/// <summary>
/// Packs built on the page (with progress) wait here for their one download by the person who built them: files in
/// <c>Storage:DataDirectory/packs</c> (owner-only, they hold personal data), gone after the download or after an hour.
/// </summary>
public sealed class EvidencePackDownloads(IOptions<StorageOptions> storage, TimeProvider time)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, Prepared> _prepared = new();

    public sealed record Prepared(string UserId, string Path, DateOnly From, DateOnly To, EvidencePackResult Result, DateTimeOffset ExpiresAt);

    /// <summary>A new private file to build a pack into, and its token.</summary>
    public (Guid Token, string Path) NewFile()
    {
        Sweep();
        var folder = System.IO.Path.Combine(System.IO.Path.GetFullPath(storage.Value.DataDirectory), "packs");
        PrivateFile.EnsureDirectory(folder);
        var token = Guid.NewGuid();
        var path = System.IO.Path.Combine(folder, $"{token}.zip");
        PrivateFile.Ensure(path);
        return (token, path);
    }

    public void Ready(Guid token, string userId, string path, DateOnly from, DateOnly to, EvidencePackResult result) =>
        _prepared[token] = new(userId, path, from, to, result, time.GetUtcNow() + KeepFor);

    /// <summary>The pack for <paramref name="userId"/> (only the one who built it), taken out: it can be downloaded once.</summary>
    public Prepared? Take(Guid token, string? userId)
    {
        Sweep();
        if (_prepared.TryGetValue(token, out var prepared) && prepared.UserId == userId && _prepared.TryRemove(token, out prepared))
        {
            return prepared;
        }

        return null;
    }

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Gone already, or still open: the next start's sweep of the folder is not needed, the file is private.
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (token, prepared) in _prepared)
        {
            if (prepared.ExpiresAt <= now && _prepared.TryRemove(token, out _))
            {
                Delete(prepared.Path);
            }
        }
    }
}
