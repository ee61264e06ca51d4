using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class MaintenanceReportConfiguration : IEntityTypeConfiguration<MaintenanceReport>
{
    public void Configure(EntityTypeBuilder<MaintenanceReport> builder)
    {
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.WorkPlanId).IsUnique();
        builder.HasOne(r => r.WorkPlan).WithMany().HasForeignKey(r => r.WorkPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Submissions).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Reviews).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportSubmissionConfiguration : IEntityTypeConfiguration<ReportSubmission>
{
    public void Configure(EntityTypeBuilder<ReportSubmission> builder)
    {
        builder.Property(s => s.SubmittedById).HasMaxLength(450);
        builder.HasIndex(s => new { s.ReportId, s.Revision }).IsUnique();
    }
}

internal sealed class ReportReviewConfiguration : IEntityTypeConfiguration<ReportReview>
{
    public void Configure(EntityTypeBuilder<ReportReview> builder)
    {
        builder.Property(r => r.Notes).HasMaxLength(4000);
        builder.Property(r => r.ReviewerId).HasMaxLength(450);
        builder.Property(r => r.OnBehalfOfId).HasMaxLength(450);
        builder.HasIndex(r => new { r.ReportId, r.Revision }).IsUnique();
    }
}

internal sealed class ArchivedReportConfiguration : IEntityTypeConfiguration<ArchivedReport>
{
    public void Configure(EntityTypeBuilder<ArchivedReport> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.LetterNumber).HasMaxLength(100);
        builder.Property(a => a.ArchivedById).HasMaxLength(450);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => a.ReportId).IsUnique();
        // One successor per record: two archivers racing for the same tip cannot fork the chain.
        builder.HasIndex(a => a.PreviousHash).IsUnique();
        builder.HasOne<MaintenanceReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.AtUtc);
    }
}
