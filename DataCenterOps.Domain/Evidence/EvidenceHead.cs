using System.Globalization;

namespace DataCenterOps.Domain.Evidence;

/// <summary>The newest entry of a chain: its position and seal. Sequence 0 is the empty chain.</summary>
public sealed record EvidenceHead(string Chain, long Sequence, string Mac)
{
    public const int PrefixLength = 12;

    public string MacPrefix => Mac.Length > PrefixLength ? Mac[..PrefixLength] : Mac;

    /// <summary>"#12 · 3f2a9c01be77", as printed on reports and in mails.</summary>
    public string Display => string.Create(CultureInfo.InvariantCulture, $"#{Sequence} · {MacPrefix}");

    public static EvidenceHead Empty(string chain) => new(chain, 0, EvidenceChains.Genesis);
}
