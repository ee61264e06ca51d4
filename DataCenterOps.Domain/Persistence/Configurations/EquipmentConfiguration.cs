using DataCenterOps.Domain.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class EquipmentConfiguration : IEntityTypeConfiguration<Equipment>
{
    public void Configure(EntityTypeBuilder<Equipment> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Room).HasMaxLength(100);
        builder.Property(e => e.Row).HasMaxLength(50);
        builder.Property(e => e.Rack).HasMaxLength(50);
        builder.Property(e => e.Vendor).HasMaxLength(100);
        builder.Property(e => e.Model).HasMaxLength(100);
        builder.Property(e => e.SerialNumber).HasMaxLength(100);
        builder.Property(e => e.MonitoringDeviceId).HasMaxLength(64);
        builder.HasIndex(e => e.MonitoringDeviceId);
        builder.Ignore(e => e.Location);
    }
}
