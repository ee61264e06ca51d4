using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>Reads of the routine's outgoing mail (<see cref="NotificationRecord"/>), for the routine's tile and pages.</summary>
public sealed class NotificationQueries(DataCenterOpsDbContext db)
{
    /// <summary>Notifications not sent yet whose last attempt failed.</summary>
    public Task<int> FailedUnsentCountAsync(CancellationToken cancellationToken = default) =>
        db.Set<NotificationRecord>().CountAsync(n => n.SentAtUtc == null && n.LastError != null, cancellationToken);
}
