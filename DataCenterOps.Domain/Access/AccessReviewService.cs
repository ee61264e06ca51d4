using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Access;

/// <summary>
/// The periodic review (quarterly by default) of everyone authorised to enter: issued letters and open one-off
/// grants, lapsed ones marked. The Pengawas revokes what should go; each review is recorded. A review is for one
/// site's room (its letters and grants); a Pengawas whose roles are limited to some sites reviews only theirs.
/// </summary>
public sealed class AccessReviewService(
    DataCenterOpsDbContext db,
    TimeProvider time,
    IOptions<AccessOptions> options,
    AssignmentLetterService letters,
    AccessGrantService grants,
    AccessChanges changes,
    AuditLog audit)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The issued letters (each person named) and unused, unrevoked grants for the room of <paramref name="siteId"/>
    /// (null = the default site), with lapsed ones flagged.
    /// </summary>
    public async Task<IReadOnlyList<AuthorisationLine>> GetAuthorisationsAsync(Actor actor, Guid? siteId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var site = siteId ?? Site.DefaultId;
        AccessGuard.Site(actor, site);
        var now = Now;
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var issued = await db.AssignmentLetters.AsNoTracking().Include(l => l.Inspectors)
            .Where(l => l.State == SopState.LetterIssued && l.SiteId == site)
            .ToListAsync(cancellationToken);
        var open = await db.Set<AccessGrant>().AsNoTracking()
            .Where(g => g.UsedByEntryId == null && g.RevokedAtUtc == null && g.SiteId == site)
            .ToListAsync(cancellationToken);

        var lines = new List<AuthorisationLine>();
        foreach (var letter in issued)
        {
            foreach (var userId in letter.Inspectors.Select(i => i.UserId).Prepend(letter.ManagerId).Distinct(StringComparer.Ordinal))
            {
                lines.Add(new(AuthorisationKind.AssignmentLetter, letter.Id, userId, names.GetValueOrDefault(userId, userId),
                    letter.Number ?? "", letter.ValidFromUtc, letter.ValidUntilUtc, letter.ValidUntilUtc < now));
            }
        }

        lines.AddRange(open.Select(g => new AuthorisationLine(AuthorisationKind.OneOffGrant, g.Id, g.UserId,
            names.GetValueOrDefault(g.UserId, g.UserId), g.Reason, g.ValidFromUtc, g.ValidUntilUtc, g.ValidUntilUtc < now)));
        return [.. lines.OrderBy(l => l.PersonName, StringComparer.CurrentCulture).ThenBy(l => l.ValidUntilUtc)];
    }

    /// <summary>The reviews of <paramref name="siteId"/>'s room (null = the default site), newest first.</summary>
    public async Task<IReadOnlyList<AccessReview>> ListAsync(Actor actor, Guid? siteId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var site = siteId ?? Site.DefaultId;
        AccessGuard.Site(actor, site);
        return await db.Set<AccessReview>().AsNoTracking().Include(r => r.Items).Where(r => r.SiteId == site)
            .OrderByDescending(r => r.PerformedAtUtc).Take(100).ToListAsync(cancellationToken);
    }

    /// <summary>When the site's next review is due: its last one plus Access:ReviewIntervalMonths, or now if none yet.</summary>
    public async Task<DateTime> NextDueUtcAsync(Guid? siteId = null, CancellationToken cancellationToken = default)
    {
        var site = siteId ?? Site.DefaultId;
        var last = await db.Set<AccessReview>().Where(r => r.SiteId == site).MaxAsync(r => (DateTime?)r.PerformedAtUtc, cancellationToken);
        return last?.AddMonths(options.Value.ReviewIntervalMonths) ?? Now;
    }

    /// <summary>
    /// Revokes the chosen authorisations and records the review of everything listed for <paramref name="siteId"/>'s
    /// room (null = the default site), all or nothing where possible. Only what that site's list holds can be revoked.
    /// </summary>
    public async Task<AccessReview> RecordAsync(Actor actor, string? notes, IReadOnlyList<AuthorisationRef> revoke, string? revocationReason, Guid? siteId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(revoke);
        AccessGuard.Role(actor.IsIn(Roles.Supervisor), "Reviewing authorisations", Roles.Supervisor);
        var site = siteId ?? Site.DefaultId;
        var text = AccessGuard.OptionalText(notes, 4000, "Notes");
        var lines = await GetAuthorisationsAsync(actor, site, cancellationToken);
        var chosen = revoke.Distinct().ToList();
        var reason = chosen.Count == 0 ? "" : AccessGuard.Text(revocationReason, 900, "Reason for revoking");
        foreach (var item in chosen)
        {
            var line = lines.FirstOrDefault(l => l.Kind == item.Kind && l.ReferenceId == item.ReferenceId)
                ?? throw new AccessRuleViolationException(AccessError.NotFound, "An authorisation chosen for revoking is no longer open.", "AuthorisationNotOpen");
            if (item.Kind == AuthorisationKind.AssignmentLetter
                && !await db.AssignmentLetters.AnyAsync(l => l.Id == item.ReferenceId && l.SupervisorId == actor.UserId, cancellationToken))
            {
                throw new AccessRuleViolationException(AccessError.CannotRevoke, $"Only the Pengawas who issued Surat Tugas {line.Reference} may revoke it.", "RevokeOnlyIssuer", line.Reference);
            }
        }

        var now = Now;
        var label = $"Access review {now:yyyy-MM-dd}: {reason}";
        foreach (var item in chosen.Where(c => c.Kind == AuthorisationKind.AssignmentLetter))
        {
            // The letter service saves each revocation itself; it is audited there as LetterRevoked.
            await letters.RevokeAsync(actor, item.ReferenceId, label, cancellationToken);
        }

        foreach (var item in chosen.Where(c => c.Kind == AuthorisationKind.OneOffGrant))
        {
            var grant = await db.Set<AccessGrant>().FirstAsync(g => g.Id == item.ReferenceId, cancellationToken);
            grants.Revoke(actor, grant, label);
        }

        var review = new AccessReview { SiteId = site, PerformedAtUtc = now, PerformedById = actor.UserId, Notes = text };
        review.Items.AddRange(lines.Select(l => new AccessReviewItem
        {
            ReviewId = review.Id,
            Kind = l.Kind,
            ReferenceId = l.ReferenceId,
            UserId = l.UserId,
            PersonName = l.PersonName,
            Reference = l.Reference,
            ValidUntilUtc = l.ValidUntilUtc,
            Lapsed = l.Lapsed,
            Revoked = chosen.Contains(new AuthorisationRef(l.Kind, l.ReferenceId)),
        }));
        db.Set<AccessReview>().Add(review);
        audit.Write(actor, "AccessReviewRecorded", nameof(AccessReview), review.Id.ToString(), null,
            new { review.SiteId, review.Notes, Listed = review.Items.Count, Revoked = chosen.Count, Reason = reason });
        await AccessGuard.SaveAsync(db, cancellationToken);
        changes.Notify();
        return review;
    }
}
