using System.Globalization;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Auditing;

namespace DataCenterOps.Domain.Evidence;

/// <summary>The exact text each seal covers: every column of the record, in a fixed order.</summary>
public static class EvidenceCanonical
{
    public static string Of(ArchivedReport r) => string.Join('\n',
        r.Id.ToString(CultureInfo.InvariantCulture),
        r.ReportId.ToString("D"),
        r.WorkPlanId.ToString("D"),
        r.LetterNumber ?? "",
        r.ArchivedById,
        r.ArchivedAtUtc.ToString("O", CultureInfo.InvariantCulture),
        r.PreviousHash,
        r.Hash,
        r.CanonicalJson);

    public static string Of(AuditEntry a) => string.Join('\n',
        a.Id.ToString(CultureInfo.InvariantCulture),
        a.AtUtc.ToString("O", CultureInfo.InvariantCulture),
        a.ActorId,
        a.Action,
        a.EntityType,
        a.EntityId,
        a.BeforeJson is null ? "\u2205" : "=" + a.BeforeJson,
        a.AfterJson is null ? "\u2205" : "=" + a.AfterJson);
}
