using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Qualifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> builder)
    {
        builder.Property(q => q.UserId).HasMaxLength(450);
        builder.Property(q => q.Kind).HasMaxLength(QualificationLimits.Kind);
        builder.Property(q => q.Issuer).HasMaxLength(QualificationLimits.Issuer);
        builder.Property(q => q.Number).HasMaxLength(QualificationLimits.Number);
        builder.Property(q => q.FileSha256).HasMaxLength(64);
        builder.Property(q => q.FileContentType).HasMaxLength(32);
        builder.Property(q => q.RecordedById).HasMaxLength(450);
        builder.HasIndex(q => new { q.UserId, q.Kind });
        builder.HasIndex(q => q.ValidUntil);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(q => q.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(q => q.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}
