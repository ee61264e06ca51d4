using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Sites;

/// <summary>At start: the configured sites (<c>Sites:Default</c>, <c>Sites:N</c>) into the database, matched by code; the default keeps its id.</summary>
internal static class SiteSynchronizer
{
    public static async Task ApplyAsync(DataCenterOpsDbContext db, SitesOptions options, CancellationToken cancellationToken)
    {
        var existing = await db.Sites.ToListAsync(cancellationToken);
        foreach (var definition in options.All)
        {
            var isDefault = ReferenceEquals(definition, options.Default);
            var site = isDefault
                ? existing.First(s => s.Id == Site.DefaultId)
                : existing.FirstOrDefault(s => !s.IsDefault && string.Equals(s.Code, definition.Code, StringComparison.OrdinalIgnoreCase));
            if (site is null)
            {
                site = new Site();
                db.Sites.Add(site);
                existing.Add(site);
            }

            site.Code = definition.Code.Trim();
            site.Name = string.IsNullOrWhiteSpace(definition.Name) ? definition.Code : definition.Name.Trim();
            site.Address = definition.Address.Trim();
            site.TimeZone = string.IsNullOrWhiteSpace(definition.TimeZone) ? options.Default.TimeZone : definition.TimeZone.Trim();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
