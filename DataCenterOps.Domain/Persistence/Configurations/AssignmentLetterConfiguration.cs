using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class AssignmentLetterConfiguration : IEntityTypeConfiguration<AssignmentLetter>
{
    public void Configure(EntityTypeBuilder<AssignmentLetter> builder)
    {
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Property(l => l.Number).HasMaxLength(100);
        builder.Property(l => l.Agenda).HasMaxLength(2000);
        builder.Property(l => l.RevocationReason).HasMaxLength(1000);
        builder.Property(l => l.SupervisorId).HasMaxLength(450);
        builder.Property(l => l.ManagerId).HasMaxLength(450);
        builder.Property(l => l.IssuedById).HasMaxLength(450);
        builder.Property(l => l.QualificationOverrideReason).HasMaxLength(1000);
        builder.HasIndex(l => l.Number).IsUnique();
        builder.HasIndex(l => new { l.NumberYear, l.NumberSequence }).IsUnique();
        builder.HasIndex(l => l.State);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Inspectors).WithOne().HasForeignKey(i => i.LetterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Scope).WithOne().HasForeignKey(s => s.LetterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignmentLetterInspectorConfiguration : IEntityTypeConfiguration<AssignmentLetterInspector>
{
    public void Configure(EntityTypeBuilder<AssignmentLetterInspector> builder)
    {
        builder.HasKey(i => new { i.LetterId, i.UserId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssignmentScopeItemConfiguration : IEntityTypeConfiguration<AssignmentScopeItem>
{
    public void Configure(EntityTypeBuilder<AssignmentScopeItem> builder) =>
        builder.HasOne<Equipment>().WithMany().HasForeignKey(s => s.EquipmentId).OnDelete(DeleteBehavior.Restrict);
}
