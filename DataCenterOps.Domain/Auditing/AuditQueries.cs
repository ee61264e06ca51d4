using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Auditing;

/// <summary>
/// The audit trail for those who answer for it (Pengawas and Administrator): filtered reads, and an export that is
/// itself written to the trail (who exported, when, which filter, how many rows) in the same save.
/// </summary>
public sealed class AuditQueries(DataCenterOpsDbContext db, AuditLog audit)
{
    /// <summary>The most rows an export holds; a longer period is exported in parts.</summary>
    public const int ExportLimit = 100_000;

    /// <summary>Newest first, at most <paramref name="take"/> rows.</summary>
    public async Task<IReadOnlyList<AuditRow>> SearchAsync(Actor actor, AuditFilter filter, int take = 500, CancellationToken cancellationToken = default)
    {
        RequireReader(actor);
        return await RowsAsync(filter, Math.Clamp(take, 1, ExportLimit), cancellationToken);
    }

    /// <summary>Every action name in the trail, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    /// <summary>The rows of an export, and the audit entry that records it.</summary>
    public async Task<IReadOnlyList<AuditRow>> ExportAsync(Actor actor, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        RequireReader(actor);
        var rows = await RowsAsync(filter, ExportLimit, cancellationToken);
        audit.Write(actor, "AuditExported", nameof(AuditEntry), "", null, new { filter.PersonId, filter.Action, filter.FromUtc, filter.ToUtc, Rows = rows.Count });
        await SopGuard.SaveAsync(db, cancellationToken);
        return rows;
    }

    private static void RequireReader(Actor actor) =>
        SopGuard.Person(actor.IsIn(Roles.Supervisor) || actor.IsIn(Roles.Administrator), SopError.WrongRole, "AuditNeedsRole",
            "Reading the audit trail needs the role Pengawas or Administrator.");

    private async Task<IReadOnlyList<AuditRow>> RowsAsync(AuditFilter filter, int take, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.PersonId))
        {
            query = query.Where(a => a.ActorId == filter.PersonId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(a => a.AtUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            query = query.Where(a => a.AtUtc < to);
        }

        var entries = await query.OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
        var ids = entries.Select(e => e.ActorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. entries.Select(e => new AuditRow(e.Id, e.AtUtc, e.ActorId, names.GetValueOrDefault(e.ActorId) ?? e.ActorId, e.Action,
            e.EntityType, e.EntityId, e.BeforeJson, e.AfterJson))];
    }
}
