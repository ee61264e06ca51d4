using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataCenterOps.Domain.Assignments;

namespace DataCenterOps.Domain.Verification;

/// <summary>SHA-256 over what a Surat Tugas says (number, dates, people, agenda, scope), in one canonical order.</summary>
internal static class LetterFingerprint
{
    public static string Of(AssignmentLetter letter)
    {
        var text = new StringBuilder()
            .Append(letter.Number).Append('\n')
            .Append(Time(letter.IssuedAtUtc)).Append('\n')
            .Append(Time(letter.ValidFromUtc)).Append('\n')
            .Append(Time(letter.ValidUntilUtc)).Append('\n')
            .Append(letter.SupervisorId).Append('\n')
            .Append(letter.ManagerId).Append('\n')
            .AppendJoin(',', letter.Inspectors.Select(i => i.UserId).Order(StringComparer.Ordinal)).Append('\n')
            .AppendJoin(',', letter.Scope.Select(s => $"{s.Kind}:{s.EquipmentId}").Order(StringComparer.Ordinal)).Append('\n')
            .Append(letter.Agenda);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Time(DateTime? utc) => utc?.ToString("O", CultureInfo.InvariantCulture) ?? "";
}
