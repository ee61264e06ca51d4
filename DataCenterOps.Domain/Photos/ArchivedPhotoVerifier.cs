using System.Globalization;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Photos;

/// <summary>
/// The photos of the archived reports against the files: each reference in a sealed report's content names the
/// photo's SHA-256, so a replaced or deleted file is found here even though the report's own seal still holds.
/// </summary>
public static class ArchivedPhotoVerifier
{
    /// <summary>Every stored photo reference of the archived report's content (legacy free-text references are skipped).</summary>
    public static IReadOnlyList<string> References(ReportContent? content) =>
        content is null ? [] : [.. content.Items.SelectMany(i => i.Answers).Select(a => a.PhotoReference)
            .Where(PhotoStore.IsStoredReference).Select(r => r!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The problems of one archived report's photos ("photo X missing/changed"), none when all hold.</summary>
    public static IReadOnlyList<string> Problems(string folder, ReportContent? content) =>
        [.. References(content).Select(r => (Reference: r, Check: PhotoStore.Check(folder, r)))
            .Where(x => x.Check != PhotoCheck.Intact)
            .Select(x => $"photo {x.Reference[..12]} {(x.Check == PhotoCheck.Missing ? "missing" : "changed after archiving")}")];

    /// <summary>One line for <c>verify-evidence</c>: <c>photos: intact, 3 photo(s) in 2 report(s)</c> or the first problem.</summary>
    public static async Task<(bool Intact, string Line)> VerifyAsync(DataCenterOpsDbContext db, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var photos = 0;
        var reports = 0;
        var problems = new List<string>();
        var records = await db.ArchivedReports.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.CanonicalJson }).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            var content = ReportContentBuilder.TryDeserialize(record.CanonicalJson);
            var references = References(content);
            if (references.Count == 0)
            {
                continue;
            }

            reports++;
            photos += references.Count;
            problems.AddRange(Problems(folder, content).Select(p => string.Create(CultureInfo.InvariantCulture, $"archive #{record.Id}: {p}")));
        }

        return problems.Count == 0
            ? (true, string.Create(CultureInfo.InvariantCulture, $"photos: intact, {photos} photo(s) in {reports} archived report(s)"))
            : (false, $"photos: TAMPERED {problems[0]}" + (problems.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {problems.Count - 1} more)") : ""));
    }
}
