using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class TenantConfiguration :
    IEntityTypeConfiguration<Tenant>, IEntityTypeConfiguration<TenantContact>, IEntityTypeConfiguration<TenantUser>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(32);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasOne<Site>().WithMany().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Contacts).WithOne().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TenantContact> builder)
    {
        builder.ToTable("TenantContacts");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.Property(c => c.Email).HasMaxLength(200);
        builder.Property(c => c.Position).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<TenantUser> builder)
    {
        builder.HasKey(t => t.UserId);
        builder.HasIndex(t => t.TenantId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Visit permits, their named persons, the decisions, cancellations and the visits made on them: evidence, append-only (migration triggers).</summary>
internal sealed class VisitPermitConfiguration :
    IEntityTypeConfiguration<VisitPermit>, IEntityTypeConfiguration<VisitPermitPerson>, IEntityTypeConfiguration<VisitPermitDecision>,
    IEntityTypeConfiguration<VisitPermitCancellation>, IEntityTypeConfiguration<TenantVisit>, IEntityTypeConfiguration<Equipment>
{
    public void Configure(EntityTypeBuilder<VisitPermit> builder)
    {
        builder.Property(p => p.Purpose).HasMaxLength(500);
        builder.Property(p => p.RequestedById).HasMaxLength(450);
        builder.HasIndex(p => new { p.TenantId, p.UntilUtc });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Persons).WithOne().HasForeignKey(p => p.PermitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Decision).WithOne().HasForeignKey<VisitPermitDecision>(d => d.PermitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Cancellation).WithOne().HasForeignKey<VisitPermitCancellation>(c => c.PermitId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.State);
    }

    public void Configure(EntityTypeBuilder<VisitPermitPerson> builder)
    {
        builder.ToTable("VisitPermitPersons");
        builder.Property(p => p.Name).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<VisitPermitDecision> builder)
    {
        builder.ToTable("VisitPermitDecisions");
        builder.Property(d => d.Reason).HasMaxLength(1000);
        builder.Property(d => d.DecidedById).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<VisitPermitCancellation> builder)
    {
        builder.ToTable("VisitPermitCancellations");
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.CancelledById).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<TenantVisit> builder)
    {
        builder.HasKey(v => v.EntryId);
        builder.HasIndex(v => v.TenantId);
        builder.HasIndex(v => v.PermitId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VisitPermit>().WithMany().HasForeignKey(v => v.PermitId).OnDelete(DeleteBehavior.Restrict);
    }

    // Ownership: a tenant's racks and servers.
    public void Configure(EntityTypeBuilder<Equipment> builder)
    {
        builder.HasIndex(e => e.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
