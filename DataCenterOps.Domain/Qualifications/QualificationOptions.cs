using System.ComponentModel.DataAnnotations;
using DataCenterOps.Domain.People;

namespace DataCenterOps.Domain.Qualifications;

/// <summary>Section "Qualifications": what the SOP's people must hold, and when to warn before a record expires.</summary>
public sealed class QualificationOptions
{
    public const string SectionName = "Qualifications";

    /// <summary>Qualifications:Required:N:Kind, :Role, :EquipmentKind.</summary>
    public List<RequiredQualification> Required { get; set; } = [];

    /// <summary>Days before the end of a record that the person and the Pengelola are told.</summary>
    [Range(1, 365)]
    public int ExpiryNoticeDays { get; set; } = 30;

    /// <summary>The largest scanned file accepted.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Every kind asked for, in configuration order, without repeats.</summary>
    public IReadOnlyList<string> RequiredKinds => [.. Required.Select(r => r.Kind.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>A kind on every line and only the letter roles; used at start.</summary>
    public bool IsValid(out string problem)
    {
        for (var i = 0; i < Required.Count; i++)
        {
            var line = Required[i];
            if (string.IsNullOrWhiteSpace(line.Kind) || line.Kind.Length > QualificationLimits.Kind)
            {
                problem = $"Qualifications:Required:{i}:Kind must be set (at most {QualificationLimits.Kind} characters).";
                return false;
            }

            if (!string.IsNullOrWhiteSpace(line.Role) && line.Role is not (Roles.Manager or Roles.Inspector))
            {
                problem = $"Qualifications:Required:{i}:Role must be {Roles.Manager} or {Roles.Inspector} (or empty for both).";
                return false;
            }
        }

        problem = "";
        return true;
    }
}
