using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// <c>manifest.json</c> of an evidence pack: the period, who generated it and when, the evidence chain heads at that
/// moment, and every other file of the ZIP with its SHA-256 and size. <c>manifest.hmac</c> beside it holds
/// <see cref="EvidenceKey.SignPackManifest"/> of the manifest's exact bytes.
/// </summary>
public sealed record EvidencePackManifest(
    string Format,
    EvidencePackManifest.PeriodInfo Period,
    EvidencePackManifest.GeneratorInfo Generator,
    IReadOnlyList<EvidencePackManifest.ChainHead> Chains,
    IReadOnlyList<EvidencePackManifest.FileEntry> Files)
{
    public const string CurrentFormat = "dcops-evidence-pack-v1";
    public const string FileName = "manifest.json";
    public const string SignatureFileName = "manifest.hmac";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The period as asked (local calendar days, inclusive) and its UTC bounds (<c>ToUtc</c> exclusive).</summary>
    public sealed record PeriodInfo(DateOnly From, DateOnly To, string TimeZone, DateTime FromUtc, DateTime ToUtc);

    /// <summary>The program, the person (id and name) and the moment (UTC).</summary>
    public sealed record GeneratorInfo(string Application, string Version, string PersonId, string PersonName, DateTime AtUtc);

    /// <summary>A chain's head when the pack was made (compare with a later <c>verify-evidence</c>: never behind).</summary>
    public sealed record ChainHead(string Chain, long Sequence, string Mac);

    /// <summary>A file of the ZIP: path inside the ZIP ('/'-separated), SHA-256 lower-case hex, size in bytes.</summary>
    public sealed record FileEntry(string Path, string Sha256, long Size);

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, s_json);

    /// <summary>The manifest, or null when the bytes are not one (not JSON, wrong shape, unknown format).</summary>
    public static EvidencePackManifest? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<EvidencePackManifest>(json, s_json);
            return manifest is { Format: CurrentFormat, Period: not null, Generator: not null, Chains: not null, Files: not null }
                && manifest.Files.All(f => f is { Path: not null, Sha256: not null })
                ? manifest
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
