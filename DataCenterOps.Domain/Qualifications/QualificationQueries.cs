using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Qualifications;

/// <summary>Reads of the qualification records: the matrix, one person's records, and what expires soon.</summary>
public sealed class QualificationQueries(DataCenterOpsDbContext db, TimeProvider time, IOptions<QualificationOptions> options, IOptions<SopOptions> sop)
{
    private static readonly string[] s_letterRoles = [Roles.Manager, Roles.Inspector];

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, sop.Value.Zone));

    /// <summary>The people a letter can name (Pengelola, Pemeriksa) × the required kinds and any other kind on record.</summary>
    public async Task<QualificationMatrix> MatrixAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var people = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where s_letterRoles.Contains(r.Name)
                            select new { u.Id, u.FullName, u.UserName, Role = r.Name! }).AsNoTracking().ToListAsync(cancellationToken);
        var records = await db.Set<Qualification>().AsNoTracking().ToListAsync(cancellationToken);
        var kinds = options.Value.RequiredKinds
            .Concat(records.Select(q => q.Kind).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var rows = people.GroupBy(p => p.Id)
            .Select(g => new QualificationMatrix.Row(
                g.Key,
                string.IsNullOrWhiteSpace(g.First().FullName) ? g.First().UserName ?? g.Key : g.First().FullName,
                [.. g.Select(p => p.Role).Order(StringComparer.Ordinal)],
                [.. kinds.Select(k => Cell(records.Where(q => q.UserId == g.Key && string.Equals(q.Kind, k, StringComparison.OrdinalIgnoreCase)), k, today))]))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return new QualificationMatrix(today, kinds, rows);
    }

    /// <summary>One person's records, newest first.</summary>
    public async Task<IReadOnlyList<Qualification>> OfAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Set<Qualification>().AsNoTracking().Where(q => q.UserId == userId)
            .OrderByDescending(q => q.RecordedAtUtc).ToListAsync(cancellationToken);

    /// <summary>Every record, by holder and newest first (a DC team is small).</summary>
    public async Task<IReadOnlyList<Qualification>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Qualification>().AsNoTracking().OrderBy(q => q.UserId).ThenByDescending(q => q.RecordedAtUtc).ToListAsync(cancellationToken);

    /// <summary>The state of one kind for one person today (what the matrix cell shows).</summary>
    public QualificationState StateOf(Qualification record) => Cell([record], record.Kind, Today).State;

    private QualificationMatrix.Cell Cell(IEnumerable<Qualification> records, string kind, DateOnly today)
    {
        var list = records.ToList();
        var current = list.Where(q => q.CoversPeriod(today, today))
            .OrderByDescending(q => q.ValidUntil ?? DateOnly.MaxValue).FirstOrDefault();
        if (current is not null)
        {
            var expiring = current.ValidUntil is { } until && until < today.AddDays(options.Value.ExpiryNoticeDays);
            return new(kind, expiring ? QualificationState.Expiring : QualificationState.Valid, current.ValidUntil, current.Id);
        }

        var last = list.OrderByDescending(q => q.ValidUntil ?? DateOnly.MaxValue).FirstOrDefault();
        return last is null ? new(kind, QualificationState.Missing, null, null) : new(kind, QualificationState.Expired, last.ValidUntil, last.Id);
    }
}
