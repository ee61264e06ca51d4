using System.Text.Json;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;

namespace DataCenterOps.Domain.Auditing;

/// <summary>
/// Adds audit entries to the context; they are saved with the change they describe, in one transaction.
/// </summary>
public sealed class AuditLog(DataCenterOpsDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };

    public AuditEntry Write(Actor actor, string action, string entityType, string entityId, object? before, object? after)
    {
        var entry = new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before, s_json),
            AfterJson = after is null ? null : JsonSerializer.Serialize(after, s_json),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
