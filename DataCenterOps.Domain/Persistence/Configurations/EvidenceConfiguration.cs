using DataCenterOps.Domain.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class EvidenceSealConfiguration : IEntityTypeConfiguration<EvidenceSeal>
{
    public void Configure(EntityTypeBuilder<EvidenceSeal> builder)
    {
        builder.HasKey(s => new { s.Chain, s.Sequence });
        builder.Property(s => s.Chain).HasMaxLength(16);
        builder.Property(s => s.Mac).HasMaxLength(64);
    }
}
