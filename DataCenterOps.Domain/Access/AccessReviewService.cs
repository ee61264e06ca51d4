using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Access;

/// <summary>
/// The periodic review (quarterly by default) of everyone authorised to enter: issued letters and open one-off
/// grants, lapsed ones marked. The Pengawas revokes what should go; each review is recorded.
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

    /// <summary>Issued letters (each person named) and unused, unrevoked grants, with lapsed ones flagged.</summary>
    public async Task<IReadOnlyList<AuthorisationLine>> GetAuthorisationsAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var issued = await db.AssignmentLetters.AsNoTracking().Include(l => l.Inspectors)
            .Where(l => l.State == SopState.LetterIssued)
            .ToListAsync(cancellationToken);
        var open = await db.Set<AccessGrant>().AsNoTracking()
            .Where(g => g.UsedByEntryId == null && g.RevokedAtUtc == null)
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

    public async Task<IReadOnlyList<AccessReview>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<AccessReview>().AsNoTracking().Include(r => r.Items)
            .OrderByDescending(r => r.PerformedAtUtc).Take(100).ToListAsync(cancellationToken);

    /// <summary>When the next review is due: the last one plus Access:ReviewIntervalMonths, or now if none yet.</summary>
    public async Task<DateTime> NextDueUtcAsync(CancellationToken cancellationToken = default)
    {
        var last = await db.Set<AccessReview>().MaxAsync(r => (DateTime?)r.PerformedAtUtc, cancellationToken);
        return last?.AddMonths(options.Value.ReviewIntervalMonths) ?? Now;
    }

    /// <summary>Revokes the chosen authorisations and records the review of everything listed, all or nothing where possible.</summary>
    public async Task<AccessReview> RecordAsync(Actor actor, string? notes, IReadOnlyList<AuthorisationRef> revoke, string? revocationReason, CancellationToken cancellationToken = default)
    {
        AccessGuard.Role(actor.IsIn(Roles.Supervisor), "Reviewing authorisations", Roles.Supervisor);
        var text = AccessGuard.OptionalText(notes, 4000, "Notes");
        var lines = await GetAuthorisationsAsync(cancellationToken);
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

        var review = new AccessReview { PerformedAtUtc = now, PerformedById = actor.UserId, Notes = text };
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
            new { review.Notes, Listed = review.Items.Count, Revoked = chosen.Count, Reason = reason });
        await AccessGuard.SaveAsync(db, cancellationToken);
        changes.Notify();
        return review;
    }
}
