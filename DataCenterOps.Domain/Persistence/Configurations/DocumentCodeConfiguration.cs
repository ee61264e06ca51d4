using DataCenterOps.Domain.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class DocumentCodeConfiguration : IEntityTypeConfiguration<DocumentCode>
{
    public void Configure(EntityTypeBuilder<DocumentCode> builder)
    {
        builder.ToTable("DocumentCodes");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(DocumentVerificationService.CodeLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Fingerprint).HasMaxLength(64);
        builder.HasIndex(c => c.LetterId).IsUnique().HasFilter("\"LetterId\" IS NOT NULL");
        builder.HasIndex(c => c.ArchiveId).IsUnique().HasFilter("\"ArchiveId\" IS NOT NULL");
    }
}
