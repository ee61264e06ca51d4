using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Photos;
using DataCenterOps.Domain.Reports;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>Reads an archived record, verifies it and parses its content.</summary>
public static class ArchivedReportLoader
{
    /// <summary>The same, with the people, archive and photos from <paramref name="services"/> (a request or action scope).</summary>
    public static Task<ArchivedReportDocument?> LoadAsync(IServiceProvider services, long archiveId, CancellationToken cancellationToken) =>
        LoadAsync(services.GetRequiredService<PeopleDirectory>(), services.GetRequiredService<ArchiveService>(), archiveId, cancellationToken,
            services.GetRequiredService<PhotoStore>());

    public static async Task<ArchivedReportDocument?> LoadAsync(
        PeopleDirectory people, ArchiveService archive, long archiveId, CancellationToken cancellationToken, PhotoStore? photos = null)
    {
        if (await archive.ReadAsync(archiveId, cancellationToken) is not { } read)
        {
            return null;
        }

        var content = ReportContentBuilder.TryDeserialize(read.Record.CanonicalJson);

        var (names, nips) = await people.NamesAndNipsAsync(cancellationToken);
        // The photos the sealed content names by hash; a replaced or missing file makes the printed integrity say so.
        var integrity = read.Integrity;
        var pictures = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (photos is not null)
        {
            foreach (var reference in ArchivedPhotoVerifier.References(content))
            {
                if (photos.TryRead(reference) is { } bytes)
                {
                    pictures[reference] = bytes;
                }
            }

            if (integrity.State == IntegrityState.Intact && ArchivedPhotoVerifier.Problems(photos.Folder, content) is [var problem, ..])
            {
                integrity = new IntegrityResult(integrity.ArchiveId, IntegrityState.Tampered, problem);
            }
        }

        return new ArchivedReportDocument(read.Record, integrity, content, names, await archive.HeadAsync(cancellationToken), nips, pictures);
    }
}
