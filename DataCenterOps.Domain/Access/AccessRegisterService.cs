using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Access;

/// <summary>
/// The DC-room register: entries and exits under the rules (letter, one-off grant or escort), refusals kept
/// with their reason, corrections and voiding by Supervisors and Administrators. Every action is audited.
/// </summary>
/// <remarks>
/// An escort cannot leave while their visitors are inside unless the exit says they leave together
/// (<see cref="ExitInput.WithVisitors"/>): then every visitor's entry is closed in the same save. Corrections and
/// voiding are in <c>AccessRegisterService.Corrections.cs</c>, the reads of the register in <c>AccessRegisterService.Queries.cs</c>.
/// </remarks>
public sealed partial class AccessRegisterService(DataCenterOpsDbContext db, TimeProvider time, AccessChanges changes, AuditLog audit)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DbSet<AccessEntry> Entries => db.Set<AccessEntry>();

    public async Task<AccessEntry> RegisterStaffEntryAsync(Actor actor, StaffEntryInput input, CancellationToken cancellationToken = default)
    {
        AccessGuard.Role(AccessRoles.CanRegister(actor), "Registering an entry", AccessRoles.Registrars);
        var siteId = input.SiteId ?? Sites.Site.DefaultId;
        AccessGuard.Site(actor, siteId);
        var purpose = AccessGuard.Text(input.Purpose, 500, "Purpose");
        var user = await AccessGuard.UserAsync(db, input.UserId, "The staff member", cancellationToken);
        var now = Now;
        var entry = new AccessEntry
        {
            Kind = AccessPersonKind.Staff,
            SiteId = siteId,
            UserId = user.Id,
            PersonName = user.DisplayName,
            Purpose = purpose,
            InAtUtc = now,
            InRecordedById = actor.UserId,
            Equipment = AccessGuard.Items(input.EquipmentIn, EquipmentDirection.In, now),
        };
        if (await Entries.AnyAsync(e => e.UserId == user.Id && e.Status == AccessEntryStatus.Inside, cancellationToken))
        {
            throw new AccessRuleViolationException(AccessError.AlreadyInside, $"{user.DisplayName} is already registered inside.", "AlreadyInside", user.DisplayName);
        }

        var letter = await FindAuthorisingLetterAsync(user.Id, input.LetterId, siteId, now, cancellationToken);
        if (letter is not null)
        {
            entry.Basis = AccessBasis.AssignmentLetter;
            entry.LetterId = letter.Id;
            entry.LetterNumber = letter.Number;
        }
        else if (input.LetterId is null && await FindUsableGrantAsync(user.Id, siteId, now, cancellationToken) is { } grant)
        {
            grant.UsedByEntryId = entry.Id;
            grant.UsedAtUtc = now;
            entry.Basis = AccessBasis.OneOffGrant;
            entry.GrantId = grant.Id;
        }
        else
        {
            var (messageKey, message) = input.LetterId is null
                ? ("NoValidAuthorisation", $"No valid Surat Tugas names {user.DisplayName} now, and no one-off authorisation is open.")
                : ("ChosenLetterNotValid", $"The chosen Surat Tugas does not authorise {user.DisplayName} now (not issued, revoked, outside its validity, or not named).");
            throw await RefuseAsync(actor, entry, AccessError.NoValidAuthorisation, message, new(messageKey, [user.DisplayName]), cancellationToken);
        }

        return await AddAsync(actor, entry, cancellationToken);
    }

    public async Task<AccessEntry> RegisterVisitorEntryAsync(Actor actor, VisitorEntryInput input, CancellationToken cancellationToken = default) =>
        await AddAsync(actor, await VisitorEntryAsync(actor, input, null, cancellationToken), cancellationToken);

    /// <summary>A visitor's entry checked up to its escort (<paramref name="beforeEscort"/> checks more first: a tenant's permit); not yet added.</summary>
    private async Task<AccessEntry> VisitorEntryAsync(Actor actor, VisitorEntryInput input, Func<AccessEntry, Task>? beforeEscort, CancellationToken cancellationToken)
    {
        AccessGuard.Role(AccessRoles.CanRegister(actor), "Registering an entry", AccessRoles.Registrars);
        var siteId = input.SiteId ?? Sites.Site.DefaultId;
        AccessGuard.Site(actor, siteId);
        var now = Now;
        var entry = new AccessEntry
        {
            Kind = AccessPersonKind.Visitor,
            SiteId = siteId,
            PersonName = AccessGuard.Text(input.Name, 200, "Name"),
            Organisation = AccessGuard.Text(input.Organisation, 200, "Organisation"),
            IdType = AccessGuard.Text(input.IdType, 50, "ID type"),
            IdNumber = AccessGuard.Text(input.IdNumber, 50, "ID number"),
            IdHeldAtDesk = input.IdHeldAtDesk,
            Visiting = AccessGuard.Text(input.Visiting, 200, "Person visited"),
            Purpose = AccessGuard.Text(input.Purpose, 500, "Purpose"),
            Basis = AccessBasis.Escort,
            InAtUtc = now,
            InRecordedById = actor.UserId,
            Equipment = AccessGuard.Items(input.EquipmentIn, EquipmentDirection.In, now),
        };
        if (beforeEscort is not null)
        {
            await beforeEscort(entry);
        }

        var escortUser = await AccessGuard.UserAsync(db, input.EscortUserId, "The escort", cancellationToken);
        if (await Entries.AnyAsync(e => e.Kind == AccessPersonKind.Visitor && e.Status == AccessEntryStatus.Inside && e.IdType == entry.IdType && e.IdNumber == entry.IdNumber, cancellationToken))
        {
            // The number goes into logs and onto the screen masked (UU 27/2022); the desk has the card in hand.
            var masked = PersonalData.MaskIdNumber(entry.IdNumber);
            throw new AccessRuleViolationException(AccessError.AlreadyInside, $"A visitor with {entry.IdType} {masked} is already registered inside.", "VisitorAlreadyInside", entry.IdType, masked);
        }

        // The escort must be inside this site's room: someone in another site's room escorts nobody here.
        var escort = await Entries.FirstOrDefaultAsync(e => e.UserId == escortUser.Id && e.Status == AccessEntryStatus.Inside && e.SiteId == siteId, cancellationToken);
        if (escort is null)
        {
            throw await RefuseAsync(actor, entry, AccessError.EscortNotInside, $"The escort {escortUser.DisplayName} is not registered inside the DC room.", new("EscortNotInside", [escortUser.DisplayName]), cancellationToken);
        }

        if (!await StillAuthorisedAsync(escort, now, cancellationToken))
        {
            throw await RefuseAsync(actor, entry, AccessError.EscortNotAuthorised, $"{escortUser.DisplayName} is no longer authorised (letter or grant withdrawn or ended) and cannot escort.", new("EscortNotAuthorised", [escortUser.DisplayName]), cancellationToken);
        }

        entry.EscortEntryId = escort.Id;
        entry.EscortUserId = escortUser.Id;
        entry.EscortName = escortUser.DisplayName;
        return entry;
    }

    /// <summary>Closes an open entry (and, with <see cref="ExitInput.WithVisitors"/>, those of the visitors escorted). Returns every entry closed.</summary>
    public async Task<IReadOnlyList<AccessEntry>> RegisterExitAsync(Actor actor, Guid entryId, ExitInput input, CancellationToken cancellationToken = default)
    {
        AccessGuard.Role(AccessRoles.CanRegister(actor), "Registering an exit", AccessRoles.Registrars);
        var entry = AccessGuard.Found(await Entries.Include(e => e.Equipment).FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken), "The entry");
        AccessGuard.Site(actor, entry.SiteId);
        if (!entry.IsInside)
        {
            throw new AccessRuleViolationException(AccessError.NotInside, $"{entry.PersonName} is not registered inside (already left, or the entry was voided).", "NotInside", entry.PersonName);
        }

        var now = Now;
        var items = AccessGuard.Items(input.EquipmentOut, EquipmentDirection.Out, now);
        var visitors = await Entries.Where(e => e.EscortEntryId == entry.Id && e.Status == AccessEntryStatus.Inside).ToListAsync(cancellationToken);
        if (visitors.Count > 0 && !input.WithVisitors)
        {
            throw new AccessRuleViolationException(
                AccessError.EscortHasVisitorsInside,
                $"{entry.PersonName} is escorting {visitors.Count} visitor(s) still inside: register their exit first, or let them leave together.",
                "EscortHasVisitorsInside",
                entry.PersonName,
                visitors.Count);
        }
        List<AccessEntry> closed = [entry, .. visitors];
        foreach (var leaving in closed)
        {
            var before = AccessSnapshots.Of(leaving);
            leaving.Status = AccessEntryStatus.Left;
            leaving.OutAtUtc = now;
            leaving.OutRecordedById = actor.UserId;
            if (leaving.IdHeldAtDesk)
            {
                leaving.IdReturnedAtUtc = now;
            }

            if (leaving == entry)
            {
                foreach (var item in items)
                {
                    item.EntryId = entry.Id;
                    db.Add(item);
                }
            }

            audit.Write(actor, "AccessExited", nameof(AccessEntry), leaving.Id.ToString(), before, AccessSnapshots.Of(leaving));
        }

        await AccessGuard.SaveAsync(db, cancellationToken);
        changes.Notify();
        return closed;
    }

    private IQueryable<AssignmentLetter> CandidateLetters(string userId, Guid siteId, DateTime now) =>
        db.AssignmentLetters.AsNoTracking().Include(l => l.Inspectors)
            .Where(l => l.SiteId == siteId && l.State == SopState.LetterIssued && l.ValidFromUtc <= now && l.ValidUntilUtc >= now)
            .Where(l => l.ManagerId == userId || l.Inspectors.Any(i => i.UserId == userId));

    private async Task<AssignmentLetter?> FindAuthorisingLetterAsync(string userId, Guid? letterId, Guid siteId, DateTime now, CancellationToken cancellationToken)
    {
        if (letterId is { } id)
        {
            var chosen = await db.AssignmentLetters.AsNoTracking().Include(l => l.Inspectors).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
            return chosen is not null && chosen.SiteId == siteId && chosen.Authorises(userId, now) ? chosen : null;
        }

        var letters = await CandidateLetters(userId, siteId, now).ToListAsync(cancellationToken);
        return letters.Where(l => l.Authorises(userId, now)).OrderByDescending(l => l.ValidUntilUtc).FirstOrDefault();
    }

    // A grant opens only its own site's room.
    private Task<AccessGrant?> FindUsableGrantAsync(string userId, Guid siteId, DateTime now, CancellationToken cancellationToken) =>
        db.Set<AccessGrant>()
            .Where(g => g.UserId == userId && g.SiteId == siteId && g.UsedByEntryId == null && g.RevokedAtUtc == null && g.ValidFromUtc <= now && g.ValidUntilUtc >= now)
            .OrderBy(g => g.ValidUntilUtc)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<bool> StillAuthorisedAsync(AccessEntry escort, DateTime now, CancellationToken cancellationToken)
    {
        switch (escort.Basis)
        {
            case AccessBasis.AssignmentLetter:
                var letter = await db.AssignmentLetters.AsNoTracking().Include(l => l.Inspectors).FirstOrDefaultAsync(l => l.Id == escort.LetterId, cancellationToken);
                return letter is not null && letter.Authorises(escort.UserId!, now);
            case AccessBasis.OneOffGrant:
                return await db.Set<AccessGrant>().AnyAsync(g => g.Id == escort.GrantId && g.RevokedAtUtc == null, cancellationToken);
            default:
                return false;
        }
    }

    private async Task<AccessEntry> AddAsync(Actor actor, AccessEntry entry, CancellationToken cancellationToken)
    {
        foreach (var item in entry.Equipment)
        {
            item.EntryId = entry.Id;
        }

        Entries.Add(entry);
        audit.Write(actor, "AccessEntered", nameof(AccessEntry), entry.Id.ToString(), null, AccessSnapshots.Of(entry));
        try
        {
            await AccessGuard.SaveAsync(db, cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // The partial unique index caught a second desk registering the same person at the same moment.
            throw new AccessRuleViolationException(AccessError.AlreadyInside, $"{entry.PersonName} is already registered inside.", ex, "AlreadyInside", entry.PersonName);
        }

        changes.Notify();
        return entry;
    }

    private async Task<AccessRuleViolationException> RefuseAsync(
        Actor actor, AccessEntry attempt, AccessError reason, string message, (string Key, object[] Arguments) text, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var refusal = new AccessRefusal
        {
            AtUtc = attempt.InAtUtc,
            Kind = attempt.Kind,
            SiteId = attempt.SiteId,
            UserId = attempt.UserId,
            PersonName = attempt.PersonName,
            Organisation = attempt.Organisation,
            IdType = attempt.IdType,
            IdNumber = attempt.IdNumber,
            Purpose = attempt.Purpose,
            Reason = reason,
            Message = message,
            RecordedById = actor.UserId,
        };
        db.Set<AccessRefusal>().Add(refusal);
        audit.Write(actor, "AccessRefused", nameof(AccessRefusal), refusal.Id.ToString(), null, new
        {
            refusal.AtUtc, Kind = refusal.Kind.ToString(), refusal.UserId, refusal.PersonName, refusal.Organisation, refusal.IdType,
            IdNumber = PersonalData.MaskIdNumber(refusal.IdNumber), refusal.Purpose, Reason = refusal.Reason.ToString(), refusal.Message, refusal.RecordedById,
        });
        await AccessGuard.SaveAsync(db, cancellationToken);
        return new AccessRuleViolationException(reason, message, text.Key, text.Arguments);
    }
}
