using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Assignments;

/// <summary>What the Pengawas fills in to draft a Surat Tugas; <see cref="SiteId"/> null is the default site.</summary>
public sealed record NewAssignmentLetter(
    string Agenda,
    string ManagerId,
    IReadOnlyList<string> InspectorIds,
    IReadOnlyList<Guid> EquipmentIds,
    IReadOnlyList<EquipmentKind> Kinds,
    DateTime ValidFromUtc,
    DateTime ValidUntilUtc,
    Guid? SiteId = null)
{
    /// <summary>The Pengawas' reason to name people who lack a required qualification; empty refuses such a letter.</summary>
    public string? QualificationOverride { get; init; }

    /// <summary>A stand-in for more than one Pengawas names whose letter this is; otherwise his one delegation decides.</summary>
    public string? OnBehalfOfId { get; init; }
}
