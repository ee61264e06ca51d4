using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Assignments;

/// <summary>What the screens read about Surat Tugas (the writes are <see cref="AssignmentLetterService"/>'s).</summary>
public sealed class LetterQueries(DataCenterOpsDbContext db)
{
    public Task<List<AssignmentLetter>> RecentAsync(int take = 200, CancellationToken cancellationToken = default) =>
        db.AssignmentLetters.AsNoTracking().OrderByDescending(l => l.CreatedAtUtc).Take(take).ToListAsync(cancellationToken);

    /// <summary>The newest letters of one site; refused when the person's roles do not reach it.</summary>
    public Task<List<AssignmentLetter>> RecentAtAsync(Actor actor, Guid siteId, int take = 200, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        SopGuard.Site(actor, siteId);
        return db.AssignmentLetters.AsNoTracking().Where(l => l.SiteId == siteId).OrderByDescending(l => l.CreatedAtUtc).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>One letter for this person: refused when it is for a site their roles do not reach; null when there is none.</summary>
    public async Task<AssignmentLetter?> DetailForAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var letter = await DetailAsync(id, cancellationToken);
        if (letter is not null)
        {
            SopGuard.Site(actor, letter.SiteId);
        }

        return letter;
    }

    public Task<AssignmentLetter?> DetailAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.AssignmentLetters.AsNoTracking().Include(l => l.Inspectors).Include(l => l.Scope).AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public Task<WorkPlan?> PlanOfAsync(Guid letterId, CancellationToken cancellationToken = default) =>
        db.WorkPlans.AsNoTracking().FirstOrDefaultAsync(p => p.LetterId == letterId, cancellationToken);

    /// <summary>Issued letters naming this Pengelola that have no Rencana Kerja yet: the plans still to start.</summary>
    public Task<List<AssignmentLetter>> AwaitingPlanAsync(string managerId, CancellationToken cancellationToken = default) =>
        db.AssignmentLetters.AsNoTracking()
            .Where(l => l.State == SopState.LetterIssued && l.ManagerId == managerId && !db.WorkPlans.Any(p => p.LetterId == l.Id))
            .OrderBy(l => l.IssuedAtUtc)
            .ToListAsync(cancellationToken);

    /// <summary>Numbers of issued letters, newest first: what an access entry can cite.</summary>
    public async Task<List<(Guid Id, string Number)>> IssuedNumbersAsync(int take = 500, CancellationToken cancellationToken = default)
    {
        var letters = await db.AssignmentLetters.AsNoTracking()
            .Where(l => l.Number != null && l.State != SopState.LetterDraft)
            .OrderByDescending(l => l.IssuedAtUtc)
            .Select(l => new { l.Id, l.Number })
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. letters.Select(l => (l.Id, l.Number!))];
    }

    /// <summary>The people a letter names, with their NIP (for the printed letter), by user id.</summary>
    public Task<Dictionary<string, (string Name, string? Nip)>> PeopleAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (Name: u.DisplayName, u.Nip), cancellationToken);

    /// <summary>Names of the equipment a letter's scope lists, alphabetically.</summary>
    public Task<List<string>> EquipmentNamesAsync(IReadOnlyCollection<Guid> equipmentIds, CancellationToken cancellationToken = default) =>
        db.Equipment.AsNoTracking().Where(e => equipmentIds.Contains(e.Id)).OrderBy(e => e.Name).Select(e => e.Name).ToListAsync(cancellationToken);
}
