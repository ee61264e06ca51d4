namespace DataCenterOps.Domain.Evidence;

/// <summary>What a copy of the database (a backup file) holds as evidence: archived reports, their chain, the evidence chains.</summary>
public sealed record DatabaseCopyVerification(int ArchivedRecords, bool ArchiveChainIntact, IReadOnlyList<ChainVerification> Evidence);
