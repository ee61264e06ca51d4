namespace DataCenterOps.Domain.Access;

/// <summary>
/// UU 27/2022 (personal data protection): a visitor's identity-card number is shown with only its last four characters
/// in lists, logs, audit snapshots and exports; in full only to the Pengawas and the Administrator on the entry itself.
/// </summary>
public static class PersonalData
{
    public const int VisibleDigits = 4;

    /// <summary>"6472010101010001" → "************0001"; four characters or fewer are masked entirely.</summary>
    public static string MaskIdNumber(string? number)
    {
        var text = (number ?? "").Trim();
        if (text.Length == 0)
        {
            return "";
        }

        return text.Length <= VisibleDigits
            ? new string('*', text.Length)
            : string.Concat(new string('*', text.Length - VisibleDigits), text.AsSpan(text.Length - VisibleDigits));
    }

    /// <summary>"KTP ************0001", or "" without an identity document.</summary>
    public static string MaskedDocument(string? idType, string? idNumber) =>
        string.IsNullOrWhiteSpace(idType) ? "" : $"{idType} {MaskIdNumber(idNumber)}".TrimEnd();

    /// <summary>The full number only for the Pengawas and the Administrator (on the entry itself).</summary>
    public static bool MaySeeFullIdNumber(People.Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsIn(People.Roles.Supervisor) || actor.IsIn(People.Roles.Administrator);
    }
}
