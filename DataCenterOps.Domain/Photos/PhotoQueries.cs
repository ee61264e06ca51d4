using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Photos;

/// <summary>Which checklist a stored photo belongs to (a photo is shown only through a checklist that answers with it).</summary>
public sealed class PhotoQueries(DataCenterOpsDbContext db)
{
    public Task<bool> IsAnswerOfAsync(Guid executionId, string reference, CancellationToken cancellationToken = default) =>
        db.ChecklistAnswers.AsNoTracking().AnyAsync(a => a.ExecutionId == executionId && a.PhotoReference == reference, cancellationToken);
}
