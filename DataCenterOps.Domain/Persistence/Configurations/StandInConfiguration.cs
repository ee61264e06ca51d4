using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class StandInConfiguration : IEntityTypeConfiguration<StandIn>
{
    public void Configure(EntityTypeBuilder<StandIn> builder)
    {
        builder.Property(s => s.PrincipalId).HasMaxLength(450);
        builder.Property(s => s.DelegateId).HasMaxLength(450);
        builder.Property(s => s.CreatedById).HasMaxLength(450);
        builder.Property(s => s.EndedById).HasMaxLength(450);
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.HasIndex(s => new { s.DelegateId, s.UntilUtc });
        builder.HasIndex(s => new { s.PrincipalId, s.UntilUtc });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.PrincipalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.DelegateId).OnDelete(DeleteBehavior.Restrict);
    }
}
