using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// Checks an evidence pack offline: the manifest parses, every file it lists is in the ZIP once with its size and
/// SHA-256, the ZIP holds nothing else, and — when the evidence key is at hand — <c>manifest.hmac</c> is the key's
/// signature of the manifest. Reads entries as streams (never extracts to disk).
/// </summary>
public static class EvidencePackVerifier
{
    /// <summary>One line per check; <see cref="InvalidDataException"/> when the ZIP itself cannot be read.</summary>
    public static IReadOnlyList<EvidencePackCheck> Verify(Stream zip, EvidenceKey? key, string? keyUnavailableReason = null)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var checks = new List<EvidencePackCheck>();
        var entries = archive.Entries.Where(e => !IsFolder(e)).ToList();
        var duplicates = entries.GroupBy(e => e.FullName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var name in duplicates)
        {
            checks.Add(EvidencePackCheck.Tampered($"{name}: TAMPERED — in the ZIP more than once"));
        }

        var byName = entries.GroupBy(e => e.FullName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (!byName.TryGetValue(EvidencePackManifest.FileName, out var manifestEntry))
        {
            checks.Add(EvidencePackCheck.Tampered($"{EvidencePackManifest.FileName}: TAMPERED — missing"));
            return checks;
        }

        var manifestBytes = ReadAll(manifestEntry);
        var manifest = EvidencePackManifest.TryParse(manifestBytes);
        if (manifest is null)
        {
            checks.Add(EvidencePackCheck.Tampered($"{EvidencePackManifest.FileName}: TAMPERED — not a {EvidencePackManifest.CurrentFormat} manifest"));
            return checks;
        }

        checks.Add(EvidencePackCheck.Ok(string.Create(CultureInfo.InvariantCulture,
            $"{EvidencePackManifest.FileName}: {manifest.Files.Count} file(s), period {manifest.Period.From:yyyy-MM-dd}..{manifest.Period.To:yyyy-MM-dd}, generated {manifest.Generator.AtUtc:yyyy-MM-ddTHH:mm:ssZ} by {manifest.Generator.PersonName}")));
        checks.Add(SignatureCheck(byName, manifestBytes, key, keyUnavailableReason));

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!listed.Add(file.Path))
            {
                checks.Add(EvidencePackCheck.Tampered($"{file.Path}: TAMPERED — listed more than once in the manifest"));
                continue;
            }

            checks.Add(FileCheck(file, byName.GetValueOrDefault(file.Path)));
        }

        foreach (var extra in byName.Keys.Where(n => !listed.Contains(n) && n is not EvidencePackManifest.FileName and not EvidencePackManifest.SignatureFileName).Order(StringComparer.Ordinal))
        {
            checks.Add(EvidencePackCheck.Tampered($"{extra}: TAMPERED — in the ZIP but not in the manifest (added)"));
        }

        foreach (var chain in manifest.Chains)
        {
            checks.Add(EvidencePackCheck.Ok(string.Create(CultureInfo.InvariantCulture,
                $"chain {chain.Chain}: head #{chain.Sequence} {(chain.Mac.Length > EvidenceHead.PrefixLength ? chain.Mac[..EvidenceHead.PrefixLength] : chain.Mac)} when generated")));
        }

        return checks;
    }

    private static EvidencePackCheck SignatureCheck(Dictionary<string, ZipArchiveEntry> byName, byte[] manifestBytes, EvidenceKey? key, string? keyUnavailableReason)
    {
        if (!byName.TryGetValue(EvidencePackManifest.SignatureFileName, out var signatureEntry))
        {
            return EvidencePackCheck.Tampered($"{EvidencePackManifest.SignatureFileName}: TAMPERED — missing");
        }

        if (key is null)
        {
            return EvidencePackCheck.Ok($"{EvidencePackManifest.SignatureFileName}: not checked ({keyUnavailableReason ?? "no evidence key"}); the file hashes are checked below");
        }

        var signature = System.Text.Encoding.ASCII.GetString(ReadAll(signatureEntry, 1024)).Trim();
        return EvidenceKey.SameMac(signature, key.SignPackManifest(manifestBytes))
            ? EvidencePackCheck.Ok($"{EvidencePackManifest.SignatureFileName}: signature valid (key from {key.Source})")
            : EvidencePackCheck.Tampered($"{EvidencePackManifest.SignatureFileName}: TAMPERED — the manifest's signature does not match the evidence key");
    }

    private static EvidencePackCheck FileCheck(EvidencePackManifest.FileEntry file, ZipArchiveEntry? entry)
    {
        if (entry is null)
        {
            return EvidencePackCheck.Tampered($"{file.Path}: TAMPERED — listed in the manifest but missing from the ZIP");
        }

        using var stream = entry.Open();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            size += read;
        }

        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        if (size != file.Size || !string.Equals(hash, file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return EvidencePackCheck.Tampered(string.Create(CultureInfo.InvariantCulture,
                $"{file.Path}: TAMPERED — sha256 {hash[..EvidenceHead.PrefixLength]} ({size} bytes), manifest says {Prefix(file.Sha256)} ({file.Size} bytes)"));
        }

        return EvidencePackCheck.Ok(string.Create(CultureInfo.InvariantCulture, $"{file.Path}: ok ({size} bytes, sha256 {hash[..EvidenceHead.PrefixLength]})"));
    }

    private static string Prefix(string hash) => hash.Length > EvidenceHead.PrefixLength ? hash[..EvidenceHead.PrefixLength] : hash;

    private static bool IsFolder(ZipArchiveEntry entry) => entry.FullName.EndsWith('/') && entry.Length == 0;

    private static byte[] ReadAll(ZipArchiveEntry entry, int limit = 64 * 1024 * 1024)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            memory.Write(buffer, 0, read);
            if (memory.Length > limit)
            {
                throw new InvalidDataException($"{entry.FullName} is larger than {limit} bytes.");
            }
        }

        return memory.ToArray();
    }
}
