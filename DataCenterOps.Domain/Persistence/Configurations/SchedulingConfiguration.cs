using DataCenterOps.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class MaintenanceScheduleConfiguration : IEntityTypeConfiguration<MaintenanceSchedule>
{
    public void Configure(EntityTypeBuilder<MaintenanceSchedule> builder)
    {
        builder.ToTable("MaintenanceSchedules");
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.Code).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Cadence).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.UpdatedById).HasMaxLength(450);
        builder.Property(s => s.MeterPoint).HasMaxLength(64);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.HasOne(s => s.Template).WithMany().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DueCheckConfiguration : IEntityTypeConfiguration<DueCheck>
{
    public void Configure(EntityTypeBuilder<DueCheck> builder)
    {
        builder.ToTable("DueChecks");
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.FailureReason).HasMaxLength(1000);
        builder.Property(d => d.FailureRecordedById).HasMaxLength(450);
        // The idempotency key: one due check per schedule, equipment item and period, whatever runs twice.
        builder.HasIndex(d => new { d.ScheduleId, d.EquipmentId, d.DueDate }).IsUnique();
        // Meter and battery checks: one per mark (NULL for calendar checks, and NULLs are distinct on both providers).
        builder.HasIndex(d => new { d.ScheduleId, d.EquipmentId, d.MeterMark }).IsUnique();
        builder.Property(d => d.Trigger).HasMaxLength(1000);
        builder.HasIndex(d => d.WorkPlanItemId).IsUnique();
        builder.HasIndex(d => new { d.State, d.DeadlineDate });
        builder.HasOne(d => d.Schedule).WithMany().HasForeignKey(d => d.ScheduleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Equipment).WithMany().HasForeignKey(d => d.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        // The Pengelola may still remove a plan item; the due check then shows as not done.
        builder.HasOne(d => d.WorkPlanItem).WithMany().HasForeignKey(d => d.WorkPlanItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NotificationRecordConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.DedupeKey).HasMaxLength(200);
        builder.Property(n => n.Recipients).HasMaxLength(4000);
        builder.Property(n => n.Subject).HasMaxLength(500);
        builder.Property(n => n.Body).HasMaxLength(8000);
        builder.Property(n => n.LastError).HasMaxLength(2000);
        // One email per item and escalation level, never one per retry.
        builder.HasIndex(n => n.DedupeKey).IsUnique();
        builder.HasIndex(n => n.SentAtUtc);
    }
}
