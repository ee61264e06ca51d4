using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(500);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Ignore(s => s.IsDefault);
        // The default site exists from the migration on, so existing rows can belong to it; its code, name and address
        // are set from Sites:Default at start.
        var fallback = new SitesOptions().Default;
        builder.HasData(new Site { Id = Site.DefaultId, Code = fallback.Code, Name = fallback.Name, Address = fallback.Address, TimeZone = fallback.TimeZone });
    }
}

internal sealed class UserSiteConfiguration : IEntityTypeConfiguration<UserSite>
{
    public void Configure(EntityTypeBuilder<UserSite> builder)
    {
        builder.HasKey(s => new { s.UserId, s.SiteId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Site ownership of equipment, letters and access entries; existing rows go to the default site.</summary>
internal sealed class SiteOwnershipConfiguration :
    IEntityTypeConfiguration<Equipment>, IEntityTypeConfiguration<AssignmentLetter>, IEntityTypeConfiguration<AccessEntry>
{
    public void Configure(EntityTypeBuilder<Equipment> builder)
    {
        builder.Property(e => e.SiteId).HasDefaultValue(Site.DefaultId);
        builder.HasIndex(e => e.SiteId);
        builder.HasOne<Site>().WithMany().HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AssignmentLetter> builder)
    {
        builder.Property(l => l.SiteId).HasDefaultValue(Site.DefaultId);
        builder.HasIndex(l => l.SiteId);
        builder.HasOne<Site>().WithMany().HasForeignKey(l => l.SiteId).OnDelete(DeleteBehavior.Restrict);
    }

    // No foreign key here: on SQLite adding one rebuilds the table, which would drop the register's append-only triggers.
    public void Configure(EntityTypeBuilder<AccessEntry> builder)
    {
        builder.Property(e => e.SiteId).HasDefaultValue(Site.DefaultId);
        builder.HasIndex(e => e.SiteId);
    }
}
