using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Access;

/// <summary>Corrections and voiding by Supervisors and Administrators: the row stays, the change is kept with its reason.</summary>
public sealed partial class AccessRegisterService
{
    public async Task<AccessEntry> VoidAsync(Actor actor, Guid entryId, string reason, CancellationToken cancellationToken = default)
    {
        AccessGuard.Role(AccessRoles.CanCorrect(actor), "Voiding an entry", AccessRoles.Correctors);
        var text = AccessGuard.Text(reason, 1000, "Reason");
        var entry = AccessGuard.Found(await Entries.Include(e => e.Equipment).FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken), "The entry");
        AccessGuard.Site(actor, entry.SiteId);
        if (entry.Status == AccessEntryStatus.Voided)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "This entry is already voided.", "EntryAlreadyVoided");
        }

        AccessGuard.NotOwnAccess(actor, entry.UserId, "VoidOwnEntry", "Nobody may void an entry of his own visit to the DC room; another corrector must.");

        var before = AccessSnapshots.Of(entry);
        entry.Status = AccessEntryStatus.Voided;
        entry.VoidReason = text;
        entry.VoidedById = actor.UserId;
        entry.VoidedAtUtc = Now;
        Record(actor, entry, before, text, isVoid: true);
        await AccessGuard.SaveAsync(db, cancellationToken);
        changes.Notify();
        return entry;
    }

    /// <summary>Corrects times or purpose. An out time on an open entry closes it (someone left without being registered).</summary>
    public async Task<AccessEntry> CorrectAsync(Actor actor, Guid entryId, EntryCorrection correction, CancellationToken cancellationToken = default)
    {
        AccessGuard.Role(AccessRoles.CanCorrect(actor), "Correcting an entry", AccessRoles.Correctors);
        var reason = AccessGuard.Text(correction.Reason, 1000, "Reason");
        var entry = AccessGuard.Found(await Entries.Include(e => e.Equipment).FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken), "The entry");
        AccessGuard.Site(actor, entry.SiteId);
        if (entry.Status == AccessEntryStatus.Voided)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "A voided entry cannot be corrected.", "VoidedNotCorrectable");
        }

        AccessGuard.NotOwnAccess(actor, entry.UserId, "CorrectOwnEntry", "Nobody may correct an entry of his own visit to the DC room; another corrector must.");

        var now = Now;
        var inAt = correction.InAtUtc ?? entry.InAtUtc;
        var outAt = correction.OutAtUtc ?? entry.OutAtUtc;
        if (inAt > now || outAt > now)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "Times cannot be in the future.", "TimesInFuture");
        }

        if (outAt < inAt)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "The time out must be after the time in.", "TimeOutBeforeIn");
        }

        var before = AccessSnapshots.Of(entry);
        entry.InAtUtc = inAt;
        entry.Purpose = AccessGuard.OptionalText(correction.Purpose, 500, "Purpose") ?? entry.Purpose;
        if (outAt is not null && entry.IsInside)
        {
            entry.Status = AccessEntryStatus.Left;
            entry.OutRecordedById = actor.UserId;
        }

        entry.OutAtUtc = outAt;
        Record(actor, entry, before, reason, isVoid: false);
        await AccessGuard.SaveAsync(db, cancellationToken);
        changes.Notify();
        return entry;
    }

    private void Record(Actor actor, AccessEntry entry, object before, string reason, bool isVoid)
    {
        var after = AccessSnapshots.Of(entry);
        var correction = new AccessEntryCorrection
        {
            EntryId = entry.Id,
            IsVoid = isVoid,
            Reason = reason,
            ById = actor.UserId,
            AtUtc = Now,
            BeforeJson = AccessSnapshots.Json(before),
            AfterJson = AccessSnapshots.Json(after),
        };
        db.Set<AccessEntryCorrection>().Add(correction);
        audit.Write(actor, isVoid ? "AccessVoided" : "AccessCorrected", nameof(AccessEntry), entry.Id.ToString(), before, new { after, reason });
    }
}
