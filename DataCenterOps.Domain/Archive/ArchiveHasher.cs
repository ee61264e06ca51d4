using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataCenterOps.Domain.Archive;

/// <summary>hash = SHA-256(previousHash ‖ canonical record), lower-case hex.</summary>
public static class ArchiveHasher
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(ArchivedReport record)
    {
        // Every column but Hash is covered; PreviousHash is the chain link itself.
        var canonical = string.Join('\n',
            record.Id.ToString(CultureInfo.InvariantCulture),
            record.ReportId.ToString("D"),
            record.WorkPlanId.ToString("D"),
            record.LetterNumber ?? "",
            record.ArchivedById,
            record.ArchivedAtUtc.ToString("O", CultureInfo.InvariantCulture),
            record.CanonicalJson);
        var bytes = Encoding.UTF8.GetBytes(record.PreviousHash + canonical);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
