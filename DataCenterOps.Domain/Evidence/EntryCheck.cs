using DataCenterOps.Domain.Archive;

namespace DataCenterOps.Domain.Evidence;

/// <summary>One chain entry as verified: intact, tampered (signature missing or wrong) or chain broken (a predecessor gone).</summary>
public sealed record EntryCheck(long Sequence, IntegrityState State, string Detail);
