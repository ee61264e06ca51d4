namespace DataCenterOps.Domain.Evidence;

/// <summary>What the anchor file holds: the newest valid anchor per chain, and how many lines failed their signature.</summary>
public sealed record AnchorLogContent(IReadOnlyDictionary<string, EvidenceAnchor> Latest, int Lines, int InvalidLines);
