using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Rules;

/// <summary>Shared checks of the access register and the save that turns a concurrency clash into a readable refusal.</summary>
internal static class AccessGuard
{
    public static void Role(bool allowed, string what, string roles)
    {
        if (!allowed)
        {
            throw new AccessRuleViolationException(AccessError.WrongRole, $"{what} needs one of the roles {roles.Replace(",", ", ", StringComparison.Ordinal)}.", "RoleNeeded", what, roles.Split(','));
        }
    }

    /// <summary>Separation of duties: whoever authorises, voids or corrects an access record is never its subject.</summary>
    public static void NotOwnAccess(Actor actor, string? subjectUserId, string messageKey, string message)
    {
        if (subjectUserId is not null && string.Equals(subjectUserId, actor.UserId, StringComparison.Ordinal))
        {
            throw new AccessRuleViolationException(AccessError.OwnAccess, message, messageKey);
        }
    }

    /// <summary>The person's roles must reach the site whose room the entry is for.</summary>
    public static void Site(Actor actor, Guid siteId)
    {
        if (!actor.WorksAt(siteId))
        {
            throw new AccessRuleViolationException(AccessError.OtherSite, "This room belongs to a site your roles do not reach.", "OtherSite");
        }
    }

    public static T Found<T>(T? value, string what) where T : class =>
        value ?? throw new AccessRuleViolationException(AccessError.NotFound, $"{what} was not found.", "NotFound", what);

    public static string Text(string? value, int maxLength, string field) =>
        OptionalText(value, maxLength, field) ?? throw new AccessRuleViolationException(AccessError.InvalidInput, $"{field} is required.", "Required", field);

    public static string? OptionalText(string? value, int maxLength, string field)
    {
        var text = (value ?? "").Trim();
        if (text.Length > maxLength)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, $"{field} is longer than {maxLength} characters.", "TooLong", field, maxLength);
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, $"{field} contains control characters.", "ControlCharacters", field);
        }

        return text.Length == 0 ? null : text;
    }

    public static List<AccessEquipmentItem> Items(IReadOnlyList<CarriedItem>? items, EquipmentDirection direction, DateTime atUtc)
    {
        var list = items ?? [];
        if (list.Count > 50)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "At most 50 items of equipment per movement.", "TooManyItems", 50);
        }

        return [.. list.Where(i => !string.IsNullOrWhiteSpace(i.Description) || !string.IsNullOrWhiteSpace(i.SerialNumber))
            .Select(i => new AccessEquipmentItem
            {
                Direction = direction,
                Description = Text(i.Description, 200, "Equipment description"),
                SerialNumber = OptionalText(i.SerialNumber, 100, "Serial number"),
                RecordedAtUtc = atUtc,
            })];
    }

    public static async Task SaveAsync(DataCenterOpsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new AccessRuleViolationException(
                AccessError.ConcurrencyConflict,
                "Someone else changed this entry a moment ago. Reload and try again.",
                ex,
                "ConcurrencyConflict");
        }
    }

    public static async Task<AppUser> UserAsync(DataCenterOpsDbContext db, string? userId, string what, CancellationToken cancellationToken) =>
        Found(string.IsNullOrEmpty(userId) ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken), what);
}
