using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>Reads an archived record, verifies it and parses its content.</summary>
public static class ArchivedReportLoader
{
    public static async Task<ArchivedReportDocument?> LoadAsync(DataCenterOpsDbContext db, ArchiveService archive, long archiveId, CancellationToken cancellationToken)
    {
        if (await archive.ReadAsync(archiveId, cancellationToken) is not { } read)
        {
            return null;
        }

        var content = ReportContentBuilder.TryDeserialize(read.Record.CanonicalJson);

        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var names = users.ToDictionary(u => u.Id, u => u.DisplayName);
        var nips = users.ToDictionary(u => u.Id, u => u.Nip);
        return new ArchivedReportDocument(read.Record, read.Integrity, content, names, await archive.HeadAsync(cancellationToken), nips);
    }
}
