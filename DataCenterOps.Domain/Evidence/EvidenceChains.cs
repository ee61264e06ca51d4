namespace DataCenterOps.Domain.Evidence;

/// <summary>The names of the signed chains (as printed, anchored and verified).</summary>
public static class EvidenceChains
{
    public const string Archive = "archive";
    public const string Audit = "audit";

    public static readonly IReadOnlyList<string> All = [Archive, Audit];

    /// <summary>The "previous signature" of the first entry of every chain.</summary>
    public static readonly string Genesis = new('0', 64);
}
