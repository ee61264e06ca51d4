using DataCenterOps.Domain.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class CommissionedDeviceConfiguration : IEntityTypeConfiguration<CommissionedDevice>
{
    public void Configure(EntityTypeBuilder<CommissionedDevice> builder)
    {
        builder.ToTable("CommissionedDevices");
        builder.Property(d => d.DeviceId).HasMaxLength(64);
        builder.HasIndex(d => d.DeviceId).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.Protocol).HasMaxLength(16);
        builder.Property(d => d.Host).HasMaxLength(255);
        builder.Property(d => d.Profile).HasMaxLength(100);
        builder.Property(d => d.SnmpVersion).HasMaxLength(8);
        builder.Property(d => d.ProtectedCommunity).HasMaxLength(2000);
        builder.Property(d => d.V3User).HasMaxLength(64);
        builder.Property(d => d.V3AuthProtocol).HasMaxLength(16);
        builder.Property(d => d.ProtectedV3AuthPassword).HasMaxLength(2000);
        builder.Property(d => d.V3PrivProtocol).HasMaxLength(16);
        builder.Property(d => d.ProtectedV3PrivPassword).HasMaxLength(2000);
        builder.Property(d => d.V3Context).HasMaxLength(32);
        builder.Property(d => d.ScaleOverrides).HasMaxLength(PointScales.MaxTextLength);
        builder.Property(d => d.AddedById).HasMaxLength(450);
    }
}
