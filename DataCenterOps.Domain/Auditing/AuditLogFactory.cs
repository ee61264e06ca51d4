using DataCenterOps.Domain.Persistence;

namespace DataCenterOps.Domain.Auditing;

/// <summary>
/// An <see cref="AuditLog"/> for a context the caller made itself: for singletons (e.g. the door correlation) that
/// cannot take the scoped log and open a short-lived context per action; the entry must be saved with that context.
/// Scoped services take <see cref="AuditLog"/> itself.
/// </summary>
public sealed class AuditLogFactory(TimeProvider time)
{
    public AuditLog For(DataCenterOpsDbContext db) => new(db, time);
}
