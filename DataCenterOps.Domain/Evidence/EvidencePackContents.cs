namespace DataCenterOps.Domain.Evidence;

/// <summary>What an evidence pack of a period holds: letters issued, plans published and reports archived in it, and the chain heads now.</summary>
public sealed record EvidencePackContents(
    IReadOnlyList<Guid> LetterIds,
    IReadOnlyList<Guid> PlanIds,
    IReadOnlyList<long> ArchiveIds,
    IReadOnlyList<EvidenceHead> Heads);
