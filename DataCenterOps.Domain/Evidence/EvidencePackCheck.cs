namespace DataCenterOps.Domain.Evidence;

/// <summary>One line of an evidence pack's verification: what was checked and whether it holds.</summary>
public sealed record EvidencePackCheck(bool Holds, string Line)
{
    public static EvidencePackCheck Ok(string line) => new(true, line);

    public static EvidencePackCheck Tampered(string line) => new(false, line);
}
