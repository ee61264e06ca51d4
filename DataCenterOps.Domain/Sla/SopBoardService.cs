using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Sla;

/// <summary>Every open SOP step with its due time and overdue state, oldest first.</summary>
public sealed class SopBoardService(DataCenterOpsDbContext db, TimeProvider time, IOptions<SopOptions> options)
{
    public async Task<IReadOnlyList<OpenStep>> OpenStepsAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var times = options.Value.StandardTimes;
        var steps = new List<OpenStep>();

        var letters = await db.AssignmentLetters.AsNoTracking()
            .Where(l => l.State == SopState.LetterDraft || (l.State == SopState.LetterIssued && !db.WorkPlans.Any(p => p.LetterId == l.Id)))
            .ToListAsync(cancellationToken);
        foreach (var l in letters)
        {
            steps.Add(l.State == SopState.LetterDraft
                ? SlaClock.Open(times, now, SopStep.AssignmentLetter, l.Id, null, l.Agenda, [l.SupervisorId], l.CreatedAtUtc)
                : SlaClock.Open(times, now, SopStep.WorkPlan, l.Id, null, l.Number ?? l.Agenda, [l.ManagerId], l.IssuedAtUtc ?? l.CreatedAtUtc));
        }

        var plans = await db.WorkPlans.AsNoTracking()
            .Include(p => p.Letter).Include(p => p.Items)
            .Where(p => p.State != SopState.Archived && p.Letter!.State != SopState.Revoked)
            .ToListAsync(cancellationToken);
        foreach (var p in plans)
        {
            var letter = p.Letter!;
            var inspectors = p.Items.Select(i => i.InspectorId).Distinct().ToList();
            steps.Add(p.State switch
            {
                SopState.Planning => SlaClock.Open(times, now, SopStep.WorkPlan, letter.Id, p.Id, p.Title, [p.ManagerId], letter.IssuedAtUtc ?? p.CreatedAtUtc),
                SopState.InExecution or SopState.Returned => SlaClock.Open(times, now, SopStep.Execution, letter.Id, p.Id, p.Title, inspectors, p.StateSinceUtc),
                SopState.InReview => SlaClock.Open(times, now, SopStep.Review, letter.Id, p.Id, p.Title, [letter.SupervisorId], p.StateSinceUtc),
                _ => SlaClock.Open(times, now, SopStep.Archive, letter.Id, p.Id, p.Title, [p.ManagerId], p.StateSinceUtc),
            });
        }

        return steps.OrderBy(s => s.DueAtUtc ?? DateTime.MaxValue).ToList();
    }

    /// <summary>Overdue open steps per site (a step belongs to the site of its Surat Tugas); sites without any are absent.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> OverdueBySiteAsync(CancellationToken cancellationToken = default)
    {
        var overdue = (await OpenStepsAsync(cancellationToken)).Where(s => s.IsOverdue).Select(s => s.LetterId).ToList();
        var sites = await db.AssignmentLetters.AsNoTracking().Where(l => overdue.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.SiteId, cancellationToken);
        return overdue.Where(sites.ContainsKey).GroupBy(id => sites[id]).ToDictionary(g => g.Key, g => g.Count());
    }
}
