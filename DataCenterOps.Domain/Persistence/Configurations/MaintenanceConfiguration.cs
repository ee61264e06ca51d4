using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Cadence).HasMaxLength(32);
        builder.Property(t => t.Source).HasMaxLength(200);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChecklistTemplateItemConfiguration : IEntityTypeConfiguration<ChecklistTemplateItem>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplateItem> builder)
    {
        builder.Property(i => i.Prompt).HasMaxLength(500);
        builder.Property(i => i.Unit).HasMaxLength(32);
        builder.Property(i => i.MonitoringPoint).HasMaxLength(100);
        builder.Property(i => i.HistoryRule).HasMaxLength(64);
    }
}

internal sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> builder)
    {
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.ManagerId).HasMaxLength(450);
        builder.HasIndex(p => p.LetterId).IsUnique();
        builder.HasIndex(p => p.State);
        builder.HasOne(p => p.Letter).WithMany().HasForeignKey(p => p.LetterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkPlanItemConfiguration : IEntityTypeConfiguration<WorkPlanItem>
{
    public void Configure(EntityTypeBuilder<WorkPlanItem> builder)
    {
        builder.Property(i => i.InspectorId).HasMaxLength(450);
        builder.HasOne(i => i.Equipment).WithMany().HasForeignKey(i => i.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Template).WithMany().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.InspectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Execution).WithOne(e => e.WorkPlanItem)
            .HasForeignKey<ChecklistExecution>(e => e.WorkPlanItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.InspectorId, i.PlannedDate });
    }
}

internal sealed class ChecklistExecutionConfiguration : IEntityTypeConfiguration<ChecklistExecution>
{
    public void Configure(EntityTypeBuilder<ChecklistExecution> builder)
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.InspectorId).HasMaxLength(450);
        builder.Property(e => e.Findings).HasMaxLength(4000);
        builder.Property(e => e.ActionsTaken).HasMaxLength(4000);
        builder.HasMany(e => e.Answers).WithOne().HasForeignKey(a => a.ExecutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChecklistAnswerConfiguration : IEntityTypeConfiguration<ChecklistAnswer>
{
    public void Configure(EntityTypeBuilder<ChecklistAnswer> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(4000);
        builder.Property(a => a.PhotoReference).HasMaxLength(500);
        builder.Property(a => a.Verdict).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Evidence).HasMaxLength(1000);
        builder.Property(a => a.EvidenceFigures).HasMaxLength(1000);
        builder.Property(a => a.AnsweredById).HasMaxLength(450);
        builder.HasIndex(a => new { a.ExecutionId, a.TemplateItemId }).IsUnique();
        builder.HasOne(a => a.TemplateItem).WithMany().HasForeignKey(a => a.TemplateItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.HasValue);
    }
}

internal sealed class MaintenanceWindowEntryConfiguration : IEntityTypeConfiguration<MaintenanceWindowEntry>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindowEntry> builder)
    {
        builder.ToTable("MaintenanceWindows");
        builder.Property(w => w.Reason).HasMaxLength(500);
        builder.Property(w => w.OpenedById).HasMaxLength(450);
        builder.HasIndex(w => new { w.EndUtc, w.StartUtc });
        builder.HasOne(w => w.Equipment).WithMany().HasForeignKey(w => w.EquipmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
