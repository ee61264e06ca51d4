using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.Qualifications;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Assignments;

/// <summary>Step 1: the Pengawas drafts, issues and revokes the Surat Tugas.</summary>
public sealed class AssignmentLetterService(
    DataCenterOpsDbContext db, TimeProvider time, IOptions<SopOptions> options, AuditLog audit, IOptions<QualificationOptions>? qualifications = null)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private QualificationOptions Qualifications => qualifications?.Value ?? new QualificationOptions();

    public async Task<AssignmentLetter> CreateDraftAsync(Actor actor, NewAssignmentLetter input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        // A Plh./Plt. drafts for the Pengawas he stands in for; the letter stays that Pengawas' letter.
        var act = actor.IsIn(Roles.Supervisor) ? new PengawasAct(actor, null) : await StandInGuard.ActingAsync(db, actor, input.OnBehalfOfId, Now, cancellationToken);
        if (act is null)
        {
            throw new SopRuleViolationException(SopError.WrongRole, $"Drafting a Surat Tugas needs the role {Roles.Supervisor}.", "DraftLetterNeedsRole", Roles.Supervisor);
        }

        var siteId = input.SiteId ?? Site.DefaultId;
        SopGuard.Found(await db.Sites.FindAsync([siteId], cancellationToken), "The site");
        SopGuard.Site(actor, siteId);
        var agenda = SopGuard.Text(input.Agenda, 2000, "Agenda");
        if (input.ValidUntilUtc <= input.ValidFromUtc)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "The validity period must end after it starts.", "ValidityOrder");
        }

        var inspectors = input.InspectorIds.Distinct(StringComparer.Ordinal).ToList();
        if (inspectors.Count == 0)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "Name at least one Pemeriksa.", "NameInspector");
        }

        if (input.EquipmentIds.Count == 0 && input.Kinds.Count == 0)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "Name the equipment (items or kinds) in scope.", "NameScope");
        }

        if (!await Actors.HasRoleAsync(db, input.ManagerId, Roles.Manager, cancellationToken))
        {
            throw new SopRuleViolationException(SopError.WrongRole, "The named Pengelola does not hold the role Manager.", "NamedManagerNotManager");
        }

        foreach (var inspector in inspectors)
        {
            if (!await Actors.HasRoleAsync(db, inspector, Roles.Inspector, cancellationToken))
            {
                throw new SopRuleViolationException(SopError.WrongRole, "A named Pemeriksa does not hold the role Inspector.", "NamedInspectorNotInspector");
            }
        }

        var equipmentIds = input.EquipmentIds.Distinct().ToList();
        var known = await db.Equipment.CountAsync(e => equipmentIds.Contains(e.Id), cancellationToken);
        if (known != equipmentIds.Count)
        {
            throw new SopRuleViolationException(SopError.NotFound, "Some equipment in scope does not exist.", "ScopeEquipmentMissing");
        }

        await RefuseOtherSitesAsync(siteId, input.ManagerId, inspectors, equipmentIds, cancellationToken);

        var gaps = await QualificationGuard.GapsAsync(db, Qualifications, options.Value.Zone, input.ManagerId, inspectors, equipmentIds, input.Kinds,
            input.ValidFromUtc, input.ValidUntilUtc, cancellationToken);
        var overrideReason = QualificationGuard.Require(gaps, input.QualificationOverride);
        var letter = new AssignmentLetter
        {
            Agenda = agenda,
            SiteId = siteId,
            SupervisorId = act.StandIn?.PrincipalId ?? actor.UserId,
            QualificationOverrideReason = overrideReason,
            ManagerId = input.ManagerId,
            ValidFromUtc = input.ValidFromUtc,
            ValidUntilUtc = input.ValidUntilUtc,
            CreatedAtUtc = Now,
        };
        letter.Inspectors.AddRange(inspectors.Select(i => new AssignmentLetterInspector { LetterId = letter.Id, UserId = i }));
        letter.Scope.AddRange(equipmentIds.Select(e => new AssignmentScopeItem { LetterId = letter.Id, EquipmentId = e }));
        letter.Scope.AddRange(input.Kinds.Distinct().Select(k => new AssignmentScopeItem { LetterId = letter.Id, Kind = k }));
        db.AssignmentLetters.Add(letter);
        audit.Write(actor, "LetterDrafted", nameof(AssignmentLetter), letter.Id.ToString(), null, Snapshot(letter, act.StandIn));
        AuditOverride(actor, letter, gaps, overrideReason);
        await SopGuard.SaveAsync(db, cancellationToken);
        return letter;
    }

    public async Task<AssignmentLetter> IssueAsync(Actor actor, Guid letterId, CancellationToken cancellationToken = default)
    {
        var letter = await LoadAsync(letterId, cancellationToken);
        var before = Snapshot(letter);
        SopGuard.Site(actor, letter.SiteId);
        var now = Now;
        var act = await StandInGuard.ActingForAsync(db, actor, letter.SupervisorId, now, cancellationToken);
        SopTransitions.Authorize(letter.State, SopAction.IssueLetter, act?.Actor ?? actor);
        SopGuard.Person(act is not null, SopError.NotNamedOnLetter, "OnlyDraftingSupervisorIssues", "Only the Pengawas who drafted this Surat Tugas (or his Plh./Plt.) may issue it.");

        // Checked again: a certificate may have ended (or the requirements changed) since the draft.
        var gaps = await QualificationGuard.GapsAsync(db, Qualifications, options.Value.Zone, letter.ManagerId, [.. letter.Inspectors.Select(i => i.UserId)],
            [.. letter.Scope.Where(s => s.EquipmentId is not null).Select(s => s.EquipmentId!.Value)],
            [.. letter.Scope.Where(s => s.Kind is not null).Select(s => s.Kind!.Value)], letter.ValidFromUtc, letter.ValidUntilUtc, cancellationToken);
        QualificationGuard.Require(gaps, letter.QualificationOverrideReason);

        var year = TimeZoneInfo.ConvertTimeFromUtc(now, options.Value.Zone).Year;
        var last = await db.AssignmentLetters.Where(l => l.NumberYear == year).MaxAsync(l => l.NumberSequence, cancellationToken) ?? 0;
        letter.Issue(options.Value.FormatLetterNumber(last + 1, year), year, last + 1, now, actor.UserId, act!.Kind);
        audit.Write(actor, "LetterIssued", nameof(AssignmentLetter), letter.Id.ToString(), before, Snapshot(letter, act.StandIn));
        AuditOverride(actor, letter, gaps, letter.QualificationOverrideReason);
        await SopGuard.SaveAsync(db, cancellationToken);
        return letter;
    }

    public async Task<AssignmentLetter> RevokeAsync(Actor actor, Guid letterId, string reason, CancellationToken cancellationToken = default)
    {
        var letter = await LoadAsync(letterId, cancellationToken);
        var before = Snapshot(letter);
        SopGuard.Site(actor, letter.SiteId);
        var act = await StandInGuard.ActingForAsync(db, actor, letter.SupervisorId, Now, cancellationToken);
        SopTransitions.Authorize(letter.State, SopAction.RevokeLetter, act?.Actor ?? actor);
        SopGuard.Person(act is not null, SopError.NotNamedOnLetter, "OnlyIssuingSupervisorRevokes", "Only the Pengawas who issued this Surat Tugas (or his Plh./Plt.) may revoke it.");

        // Once its Rencana Kerja is published the work is on record and must reach the archive: revoking would strand it.
        if (await db.WorkPlans.AnyAsync(p => p.LetterId == letter.Id && p.PublishedAtUtc != null, cancellationToken))
        {
            throw new SopRuleViolationException(SopError.IllegalTransition,
                "The Rencana Kerja of this Surat Tugas is published; its work must be completed and archived, so the letter can no longer be revoked.", "RevokeAfterPlanPublished");
        }

        letter.Revoke(SopGuard.Text(reason, 1000, "Reason"), actor.UserId, Now);
        audit.Write(actor, "LetterRevoked", nameof(AssignmentLetter), letter.Id.ToString(), before, Snapshot(letter, act!.StandIn));
        await SopGuard.SaveAsync(db, cancellationToken);
        return letter;
    }

    /// <summary>Whether any issued, unrevoked letter lets <paramref name="userId"/> into the DC room at that instant.</summary>
    public async Task<bool> IsAuthorisedAsync(string userId, DateTime instantUtc, CancellationToken cancellationToken = default)
    {
        var candidates = await db.AssignmentLetters
            .Include(l => l.Inspectors)
            .Where(l => l.State == SopState.LetterIssued && l.ValidFromUtc <= instantUtc && l.ValidUntilUtc >= instantUtc)
            .Where(l => l.ManagerId == userId || l.Inspectors.Any(i => i.UserId == userId))
            .ToListAsync(cancellationToken);
        return candidates.Any(l => l.Authorises(userId, instantUtc));
    }

    public async Task<AssignmentLetter?> FindAsync(Guid letterId, CancellationToken cancellationToken = default) =>
        await db.AssignmentLetters.Include(l => l.Inspectors).Include(l => l.Scope)
            .FirstOrDefaultAsync(l => l.Id == letterId, cancellationToken);

    // A letter for one site names that site's people and equipment only.
    private async Task RefuseOtherSitesAsync(Guid siteId, string managerId, IEnumerable<string> inspectorIds, IReadOnlyCollection<Guid> equipmentIds, CancellationToken cancellationToken)
    {
        if (await db.Equipment.AnyAsync(e => equipmentIds.Contains(e.Id) && e.SiteId != siteId, cancellationToken))
        {
            throw new SopRuleViolationException(SopError.OtherSite, "Some equipment in scope stands at another site.", "ScopeEquipmentOtherSite");
        }

        foreach (var person in inspectorIds.Prepend(managerId))
        {
            if (await Actors.SitesOfAsync(db, person, cancellationToken) is { } sites && !sites.Contains(siteId))
            {
                throw new SopRuleViolationException(SopError.OtherSite, "A person named on the letter works at another site.", "NamedPersonOtherSite");
            }
        }
    }

    private async Task<AssignmentLetter> LoadAsync(Guid letterId, CancellationToken cancellationToken) =>
        SopGuard.Found(await FindAsync(letterId, cancellationToken), "The Surat Tugas");

    private static object Snapshot(AssignmentLetter l) => new
    {
        l.Number, State = l.State.ToString(), l.ManagerId, Inspectors = l.Inspectors.Select(i => i.UserId).Order(StringComparer.Ordinal),
        l.ValidFromUtc, l.ValidUntilUtc, l.RevocationReason,
    };

    /// <summary>The snapshot, and when a stand-in acted, which delegation he used (the use of a delegation is audited).</summary>
    private static object Snapshot(AssignmentLetter l, StandIn? standIn) => standIn is null ? Snapshot(l) : new
    {
        l.Number, State = l.State.ToString(), l.ManagerId, Inspectors = l.Inspectors.Select(i => i.UserId).Order(StringComparer.Ordinal),
        l.ValidFromUtc, l.ValidUntilUtc, l.RevocationReason,
        StandIn = new { standIn.Id, Kind = standIn.Kind.ToString(), standIn.PrincipalId },
    };

    private void AuditOverride(Actor actor, AssignmentLetter letter, IReadOnlyList<QualificationGap> gaps, string? reason)
    {
        if (gaps.Count > 0 && reason is not null)
        {
            audit.Write(actor, "QualificationOverridden", nameof(AssignmentLetter), letter.Id.ToString(), null,
                new { Reason = reason, Missing = gaps.Select(g => new { g.UserId, g.Kind }) });
        }
    }
}
