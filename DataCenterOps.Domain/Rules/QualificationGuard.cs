using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Qualifications;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Rules;

/// <summary>
/// Kualifikasi Pelaksana: nobody is named on a Surat Tugas without the qualifications its scope requires, valid on
/// every day of the letter; a Pengawas may override with a reason (audited by the letter service).
/// </summary>
internal static class QualificationGuard
{
    /// <summary>Pengelola or Administrator, and never for one's own records.</summary>
    public static void MayRecord(Actor actor, string subjectUserId)
    {
        if (!actor.IsIn(Roles.Manager) && !actor.IsIn(Roles.Administrator))
        {
            throw new SopRuleViolationException(SopError.WrongRole, $"Recording a qualification needs the role {Roles.Manager} or {Roles.Administrator}.",
                "RecordQualificationNeedsRole", Roles.Manager, Roles.Administrator);
        }

        if (string.Equals(actor.UserId, subjectUserId, StringComparison.Ordinal))
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "Nobody records his own qualifications; another Pengelola or the Administrator must check the original.",
                "RecordOwnQualification");
        }
    }

    /// <summary>Every (person, kind) the letter would name without a valid record, in a stable order.</summary>
    public static async Task<IReadOnlyList<QualificationGap>> GapsAsync(
        DataCenterOpsDbContext db, QualificationOptions options, TimeZoneInfo zone, string managerId, IReadOnlyCollection<string> inspectorIds,
        IReadOnlyCollection<Guid> equipmentIds, IReadOnlyCollection<EquipmentKind> kinds, DateTime fromUtc, DateTime untilUtc, CancellationToken cancellationToken)
    {
        if (options.Required.Count == 0)
        {
            return [];
        }

        var ids = equipmentIds.ToList();
        var equipmentKinds = await db.Equipment.Where(e => ids.Contains(e.Id)).Select(e => e.Kind).ToListAsync(cancellationToken);
        var scope = kinds.Concat(equipmentKinds).Distinct().ToList();
        var named = new List<(string UserId, string Role)> { (managerId, Roles.Manager) };
        named.AddRange(inspectorIds.Select(i => (i, Roles.Inspector)));
        var needs = named
            .SelectMany(p => options.Required.Where(r => r.AppliesTo(p.Role, scope)).Select(r => (p.UserId, Kind: r.Kind.Trim())))
            .Distinct()
            .ToList();
        if (needs.Count == 0)
        {
            return [];
        }

        var people = needs.Select(n => n.UserId).Distinct().ToList();
        var records = await db.Set<Qualification>().AsNoTracking().Where(q => people.Contains(q.UserId)).ToListAsync(cancellationToken);
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var from = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, zone));
        var until = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(untilUtc, zone));
        return [.. needs
            .Where(n => !records.Any(q => q.UserId == n.UserId && string.Equals(q.Kind, n.Kind, StringComparison.OrdinalIgnoreCase) && q.CoversPeriod(from, until)))
            .Select(n => new QualificationGap(n.UserId, names.GetValueOrDefault(n.UserId, n.UserId), n.Kind))
            .OrderBy(g => g.PersonName, StringComparer.Ordinal).ThenBy(g => g.Kind, StringComparer.Ordinal)];
    }

    /// <summary>Refuses the first gap (naming the person and the kind) unless a Pengawas overrides with a reason.</summary>
    public static string? Require(IReadOnlyList<QualificationGap> gaps, string? overrideReason)
    {
        if (gaps.Count == 0)
        {
            return null;
        }

        var reason = SopGuard.Text(overrideReason, 1000, "Override reason", required: false);
        if (reason.Length > 0)
        {
            return reason;
        }

        var gap = gaps[0];
        throw new SopRuleViolationException(SopError.MissingQualification,
            $"{gap.PersonName} has no valid '{gap.Kind}' for the whole period of this Surat Tugas.", "QualificationMissing", gap.PersonName, gap.Kind);
    }
}
