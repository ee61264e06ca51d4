namespace DataCenterOps.Domain.Archive;

public sealed record IntegrityResult(long ArchiveId, IntegrityState State, string Detail);
