using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.People;

/// <summary>Changes to a person's staff record that documents print (the NIP on letters and approval blocks); audited.</summary>
public sealed class PersonnelRecords(DataCenterOpsDbContext db, AuditLog audit)
{
    /// <summary>A civil servant's NIP has 18 digits (birth date, appointment month, sex, sequence).</summary>
    public const int NipDigits = 18;

    /// <summary>
    /// Sets or clears (empty) the NIP of an existing account; the Administrator only. Spaces are allowed as typed and
    /// the number is stored in the printed grouping "19640627 199003 1 006".
    /// </summary>
    public async Task<string?> SetNipAsync(Actor actor, string userId, string? nip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.Administrator))
        {
            throw new SopRuleViolationException(SopError.WrongRole, $"Changing a NIP needs the role {Roles.Administrator}.", "ChangeNipNeedsRole", Roles.Administrator);
        }

        var user = SopGuard.Found(await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken), "The user");
        var normalised = Normalise(nip);
        var before = user.Nip;
        if (before == normalised)
        {
            return normalised;
        }

        user.Nip = normalised;
        audit.Write(actor, "NipChanged", nameof(AppUser), user.Id, new { Nip = before }, new { Nip = normalised });
        await SopGuard.SaveAsync(db, cancellationToken);
        return normalised;
    }

    /// <summary>Null for empty; the grouped 18 digits; otherwise a readable refusal.</summary>
    public static string? Normalise(string? nip)
    {
        var text = (nip ?? "").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var digits = new string([.. text.Where(c => c != ' ')]);
        if (digits.Length != NipDigits || !digits.All(char.IsAsciiDigit))
        {
            throw new SopRuleViolationException(SopError.InvalidInput, $"A NIP has {NipDigits} digits (spaces allowed).", "InvalidNip", NipDigits);
        }

        return $"{digits[..8]} {digits[8..14]} {digits[14..15]} {digits[15..]}";
    }
}
