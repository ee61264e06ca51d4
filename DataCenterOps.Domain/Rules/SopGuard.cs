using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Rules;

/// <summary>Small shared checks and the save that turns a concurrency clash into a readable refusal.</summary>
internal static class SopGuard
{
    public static T Found<T>(T? value, string what) where T : class =>
        value ?? throw new SopRuleViolationException(SopError.NotFound, $"{what} was not found.", "NotFound", what);

    public static void Person(bool isNamed, SopError code, string messageKey, string message)
    {
        if (!isNamed)
        {
            throw new SopRuleViolationException(code, message, messageKey);
        }
    }

    /// <summary>The person's roles must reach the site of what they act on (a regency's staff work only at their room).</summary>
    public static void Site(Actor actor, Guid siteId)
    {
        if (!actor.WorksAt(siteId))
        {
            throw new SopRuleViolationException(SopError.OtherSite, "This belongs to a site your roles do not reach.", "OtherSite");
        }
    }

    public static string Text(string? value, int maxLength, string field, bool required = true)
    {
        var text = (value ?? "").Trim();
        if (required && text.Length == 0)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, $"{field} is required.", "Required", field);
        }

        if (text.Length > maxLength)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, $"{field} is longer than {maxLength} characters.", "TooLong", field, maxLength);
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw new SopRuleViolationException(SopError.InvalidInput, $"{field} contains control characters.", "ControlCharacters", field);
        }

        return text;
    }

    public static async Task SaveAsync(DataCenterOpsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new SopRuleViolationException(
                SopError.ConcurrencyConflict,
                "Someone else changed this record a moment ago. Reload and try again.",
                ex,
                "ConcurrencyConflict");
        }
    }
}
