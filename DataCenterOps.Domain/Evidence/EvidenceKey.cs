using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// The secret HMAC-SHA-256 key that signs the evidence chains and the anchor lines. Never stored in the database,
/// never printed (<see cref="ToString"/> shows only where it came from).
/// </summary>
public sealed class EvidenceKey
{
    public const int MinimumBytes = 32;
    private readonly byte[] _key;

    private EvidenceKey(byte[] key, string source)
    {
        if (key.Length < MinimumBytes)
        {
            throw new EvidenceKeyException($"The evidence key from {source} has {key.Length} bytes; at least {MinimumBytes} are needed.");
        }

        _key = key;
        Source = source;
    }

    /// <summary>"Evidence:Key" or the key file's path.</summary>
    public string Source { get; }

    public static EvidenceKey FromBytes(byte[] key, string source) => new((byte[])key.Clone(), source);

    public static EvidenceKey FromBase64(string base64, string source)
    {
        try
        {
            return new(Convert.FromBase64String(base64.Trim()), source);
        }
        catch (FormatException ex)
        {
            throw new EvidenceKeyException($"The evidence key from {source} is not valid base64.", ex);
        }
    }

    public static byte[] NewKeyBytes() => RandomNumberGenerator.GetBytes(MinimumBytes);

    /// <summary>seal = HMAC(key, "dcops-evidence-v1" ‖ chain ‖ sequence ‖ previous seal ‖ canonical record), lower-case hex.</summary>
    public string Seal(string chain, long sequence, string previousSeal, string canonical) =>
        Mac(string.Join('\n', "dcops-evidence-v1", chain, sequence.ToString(CultureInfo.InvariantCulture), previousSeal, canonical));

    /// <summary>The signature of one anchor-file line (domain-separated from record seals).</summary>
    public string SignAnchor(string line) => Mac("dcops-anchor-v1\n" + line);

    /// <summary>
    /// The signature of an evidence pack's <c>manifest.json</c>: HMAC-SHA-256 over its exact bytes, lower-case hex (an auditor
    /// with the key checks it with <c>openssl dgst -sha256 -mac HMAC -macopt hexkey:KEY manifest.json</c>). The manifest
    /// starts with <c>{</c>, so it can never be taken for a record seal or an anchor line (both start with <c>dcops-</c>).
    /// </summary>
    public string SignPackManifest(ReadOnlySpan<byte> manifest) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, manifest));

    public static bool SameMac(string? a, string? b) =>
        a is not null && b is not null && a.Length == b.Length
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    public override string ToString() => $"EvidenceKey(from {Source})";

    private string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
}
