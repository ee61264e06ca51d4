using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Workflow;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Persistence;

/// <summary>
/// The one database of the app: Identity and the SOP records. Provider-neutral model; on PostgreSQL also the
/// ASP.NET Core Data Protection key ring, so that every node reads the cookies every other node issued.
/// </summary>
public sealed class DataCenterOpsDbContext(DbContextOptions<DataCenterOpsDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<UserSite> UserSites => Set<UserSite>();
    public DbSet<Equipment> Equipment => Set<Equipment>();
    public DbSet<AssignmentLetter> AssignmentLetters => Set<AssignmentLetter>();
    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();
    public DbSet<ChecklistTemplateItem> ChecklistTemplateItems => Set<ChecklistTemplateItem>();
    public DbSet<WorkPlan> WorkPlans => Set<WorkPlan>();
    public DbSet<WorkPlanItem> WorkPlanItems => Set<WorkPlanItem>();
    public DbSet<ChecklistExecution> ChecklistExecutions => Set<ChecklistExecution>();
    public DbSet<ChecklistAnswer> ChecklistAnswers => Set<ChecklistAnswer>();
    public DbSet<MaintenanceReport> MaintenanceReports => Set<MaintenanceReport>();
    public DbSet<ReportSubmission> ReportSubmissions => Set<ReportSubmission>();
    public DbSet<ReportReview> ReportReviews => Set<ReportReview>();
    public DbSet<ArchivedReport> ArchivedReports => Set<ArchivedReport>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<EvidenceSeal> EvidenceSeals => Set<EvidenceSeal>();
    public DbSet<CommissionedDevice> CommissionedDevices => Set<CommissionedDevice>();
    public DbSet<MaintenanceWindowEntry> MaintenanceWindows => Set<MaintenanceWindowEntry>();
    public DbSet<Qualifications.Qualification> Qualifications => Set<Qualifications.Qualification>();
    public DbSet<Delegation.StandIn> StandIns => Set<Delegation.StandIn>();
    public DbSet<Tenants.Tenant> Tenants => Set<Tenants.Tenant>();
    public DbSet<Tenants.TenantUser> TenantUsers => Set<Tenants.TenantUser>();
    public DbSet<Tenants.VisitPermit> VisitPermits => Set<Tenants.VisitPermit>();
    public DbSet<Tenants.TenantVisit> TenantVisits => Set<Tenants.TenantVisit>();

    /// <summary>PostgreSQL only (the SQLite node keeps its key ring in Storage:DataDirectory/keys, as before).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DataCenterOpsDbContext).Assembly);
        // EF caches one model per provider, so the SQLite model (and its migrations) stay as they were.
        if (!Database.IsNpgsql())
        {
            builder.Ignore<DataProtectionKey>();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // UTC DateTime rather than DateTimeOffset: SQLite cannot order DateTimeOffset, PostgreSQL wants UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<SopState>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<EquipmentKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ChecklistItemKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PassFailResult>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ExecutionStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ReviewDecision>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Delegation.StandInKind>().HaveConversion<string>().HaveMaxLength(8);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // A new Version on each change: a stale copy's UPDATE ... WHERE Version = old matches no row.
    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
