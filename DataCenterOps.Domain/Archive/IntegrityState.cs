namespace DataCenterOps.Domain.Archive;

public enum IntegrityState
{
    /// <summary>The record hashes to its stored hash and links to its predecessor.</summary>
    Intact,
    /// <summary>The record no longer matches its hash: it was edited.</summary>
    Tampered,
    /// <summary>The record is intact but its link to the previous record is missing or wrong.</summary>
    ChainBroken,
}
