using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Qualifications;

/// <summary>
/// Records ending within Qualifications:ExpiryNoticeDays whose notice has not gone out yet, and marking them told:
/// the daily job mails each once, so running it twice sends nothing twice.
/// </summary>
public sealed class QualificationExpiry(DataCenterOpsDbContext db, TimeProvider time, IOptions<QualificationOptions> options, IOptions<SopOptions> sop)
{
    public async Task<IReadOnlyList<ExpiringQualification>> DueAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, sop.Value.Zone));
        var horizon = today.AddDays(options.Value.ExpiryNoticeDays);
        var rows = await (from q in db.Set<Qualification>().AsNoTracking()
                          join u in db.Users on q.UserId equals u.Id
                          where q.ExpiryNoticeSentAtUtc == null && q.ValidUntil != null && q.ValidUntil >= today && q.ValidUntil <= horizon
                          orderby q.ValidUntil
                          select new { q.Id, q.UserId, u.FullName, u.UserName, u.Email, q.Kind, q.Number, ValidUntil = q.ValidUntil!.Value })
            .ToListAsync(cancellationToken);

        // A newer record of the same kind that runs on past the horizon makes the notice pointless.
        var people = rows.Select(r => r.UserId).Distinct().ToList();
        var renewals = await db.Set<Qualification>().AsNoTracking()
            .Where(q => people.Contains(q.UserId) && (q.ValidUntil == null || q.ValidUntil > horizon)).Select(q => new { q.UserId, q.Kind })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Where(r => !renewals.Any(n => n.UserId == r.UserId && string.Equals(n.Kind, r.Kind, StringComparison.OrdinalIgnoreCase)))
            .Select(r => new ExpiringQualification(r.Id, r.UserId, string.IsNullOrWhiteSpace(r.FullName) ? r.UserName ?? r.UserId : r.FullName, r.Email, r.Kind, r.Number, r.ValidUntil))];
    }

    /// <summary>Marks the notice sent; a record already marked stays as it was.</summary>
    public async Task MarkSentAsync(Guid qualificationId, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<Qualification>().FirstOrDefaultAsync(q => q.Id == qualificationId && q.ExpiryNoticeSentAtUtc == null, cancellationToken);
        if (record is null)
        {
            return;
        }

        record.ExpiryNoticeSentAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
