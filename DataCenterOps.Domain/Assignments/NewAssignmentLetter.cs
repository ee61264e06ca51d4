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
    Guid? SiteId = null);
