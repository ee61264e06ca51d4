using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Qualifications;

/// <summary>
/// One line of Qualifications:Required: people with <see cref="Role"/> (any role on the letter when empty) who are
/// named on a Surat Tugas whose scope holds <see cref="EquipmentKind"/> (any scope when empty) need a valid
/// <see cref="Kind"/>.
/// </summary>
public sealed class RequiredQualification
{
    public string Kind { get; set; } = "";

    /// <summary>Manager (the letter's Pengelola) or Inspector (its Pemeriksa); empty for both.</summary>
    public string? Role { get; set; }
    public EquipmentKind? EquipmentKind { get; set; }

    public bool AppliesTo(string role, IReadOnlyCollection<EquipmentKind> scope) =>
        (string.IsNullOrWhiteSpace(Role) || string.Equals(Role, role, StringComparison.Ordinal))
        && (EquipmentKind is null || scope.Contains(EquipmentKind.Value));
}
