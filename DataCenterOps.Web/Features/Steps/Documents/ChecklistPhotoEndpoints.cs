using DataCenterOps.Domain.Photos;
using DataCenterOps.Web.Shared.Hosting;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>
/// GET /checklists/{id}/photos/{reference}: a checklist's photo, for whoever may read that checklist (the report's rule),
/// and only when one of its answers is that photo. Served as the image type its bytes were checked to be, never sniffed.
/// </summary>
public static class ChecklistPhotoEndpoints
{
    public static IEndpointRouteBuilder MapChecklistPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checklists/{id:guid}/photos/{reference}", GetAsync).RequireAuthorization(Policies.ChecklistReaders);
        return app;
    }

    public static string Href(Guid executionId, string reference) => $"/checklists/{executionId}/photos/{reference}";

    private static async Task<IResult> GetAsync(Guid id, string reference, PhotoQueries photos, PhotoStore store, CancellationToken cancellationToken)
    {
        if (!PhotoStore.IsStoredReference(reference) || !await photos.IsAnswerOfAsync(id, reference, cancellationToken)
            || store.TryRead(reference) is not { } bytes)
        {
            return Results.NotFound();
        }

        return Results.File(bytes, PhotoStore.ContentType(reference));
    }
}
