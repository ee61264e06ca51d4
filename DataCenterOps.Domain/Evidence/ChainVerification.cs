using System.Globalization;
using DataCenterOps.Domain.Archive;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// The verdict on one chain: every entry checked with the key, then the head compared with the newest anchor.
/// <see cref="Problem"/> is null when the chain is intact.
/// </summary>
public sealed record ChainVerification(
    string Chain,
    int Entries,
    EvidenceHead Head,
    EvidenceAnchor? Anchor,
    IReadOnlyList<EntryCheck> Checks,
    string? Problem)
{
    public bool IsIntact => Problem is null;

    /// <summary>One line for the console and the logs, e.g. <c>archive: intact, 12 entries, head #12 3f2a9c01be77</c>.</summary>
    public string Line => Problem is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Chain}: intact, {Entries} entries, head #{Head.Sequence} {Head.MacPrefix}")
        : $"{Chain}: TAMPERED {Problem}";

    internal static string? FirstProblem(IReadOnlyList<EntryCheck> checks, IEnumerable<string> orphans, string? anchorProblem)
    {
        var bad = checks.FirstOrDefault(c => c.State != IntegrityState.Intact);
        if (bad is not null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"at #{bad.Sequence} ({bad.Detail})");
        }

        var orphan = orphans.FirstOrDefault();
        return orphan ?? anchorProblem;
    }
}
