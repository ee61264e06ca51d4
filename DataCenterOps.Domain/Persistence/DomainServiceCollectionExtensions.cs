using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Qualifications;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Sla;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Persistence;

public static class DomainServiceCollectionExtensions
{
    /// <summary>The SOP domain and its database: options, DbContext (+ factory), workflow services.</summary>
    public static IHostApplicationBuilder AddDomain(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataCenterOpsDomain(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddDataCenterOpsDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Configure(o => o.PostgreSqlConnectionString ??= configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .ValidateDataAnnotations()
            .Validate(o => !o.IsPostgreSql || !string.IsNullOrWhiteSpace(o.PostgreSqlConnectionString),
                "Storage:Provider is PostgreSql: set ConnectionStrings:DataCenterOps (e.g. Host=db;Database=dcops;Username=dcops; the password as ConnectionStrings__DataCenterOps in the environment).")
            .ValidateOnStart();
        services.AddOptions<SopOptions>().BindConfiguration(SopOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SitesOptions>().BindConfiguration(SitesOptions.SectionName)
            .Configure(o => SitesOptions.BindNumbered(o, configuration.GetSection(SitesOptions.SectionName)))
            .Validate(o => o.IsValid(out _), "Sites: every site needs a unique code (letters, digits, '-', '_', '.') and, when given, an IANA time zone.")
            .ValidateOnStart();
        services.AddScoped<SiteQueries>();
        services.AddScoped<SiteAssignments>();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedingOptions>().BindConfiguration(SeedingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.Key) || IsKey(o.Key), $"Evidence:Key must be base64 of at least {EvidenceKey.MinimumBytes} bytes.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyFile) && !string.IsNullOrWhiteSpace(o.AnchorFile), "Evidence:KeyFile and Evidence:AnchorFile must be set.")
            // Every node seals into the same chains, so every node needs the same key: a key file per node would make
            // each node call the others' seals forged.
            .Validate<IOptions<StorageOptions>>((o, storage) => !storage.Value.IsPostgreSql || !string.IsNullOrWhiteSpace(o.Key),
                "Storage:Provider is PostgreSql: set Evidence:Key (base64, the same on every node; in the environment as Evidence__Key).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        // The key is never in the database: Evidence:Key, or the Data Protection–protected key file (created once).
        services.AddSingleton(sp => EvidenceKeyStore.Load(
            sp.GetRequiredService<IOptions<EvidenceOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value, createIfMissing: true));
        services.AddSingleton(sp => EvidenceServices.AnchorLog(
            sp.GetRequiredService<IOptions<EvidenceOptions>>(), sp.GetRequiredService<IOptions<StorageOptions>>(), sp.GetRequiredService<EvidenceKey>()));
        services.AddSingleton<EvidenceServices>();
        services.AddSingleton(sp => new EvidenceSealingInterceptor(
            sp.GetRequiredService<EvidenceKey>(), sp.GetRequiredService<EvidenceAnchorLog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DirectoryChanges>();
        services.AddSingleton<DirectoryChangeInterceptor>();
        services.AddSingleton<DirectoryCache>();
        services.AddDbContextFactory<DataCenterOpsDbContext>((sp, options) =>
        {
            options.Use(sp.GetRequiredService<IOptions<StorageOptions>>().Value,
                sp.GetRequiredService<EvidenceSealingInterceptor>(), sp.GetRequiredService<DirectoryChangeInterceptor>());
        });
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<DataCenterOpsDbContext>>().CreateDbContext());

        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditLogFactory>();
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<EvidencePackQueries>();
        services.AddScoped<EvidenceDigest>();
        services.AddOptions<Photos.PhotoOptions>().BindConfiguration(Photos.PhotoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Photos.PhotoStore>();
        services.AddScoped<Photos.PhotoQueries>();
        services.AddScoped<PersonnelRecords>();
        services.AddScoped<Verification.DocumentVerificationService>();
        services.AddScoped<UserAdministration>();
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccessChanges>();
        services.AddScoped<AccessRegisterService>();
        services.AddScoped<AccessGrantService>();
        services.AddScoped<AccessReviewService>();
        services.AddSingleton<DoorCorrelationService>();
        services.AddScheduling();
        services.AddScoped<LetterQueries>();
        services.AddScoped<WorkQueries>();
        services.AddScoped<MaintenanceWindowQueries>();
        services.AddScoped<MaintenanceWindowService>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<EquipmentQueries>();
        services.AddScoped<EquipmentRegistry>();
        services.AddSingleton<CommissionedDeviceChanges>();
        services.AddSingleton<DeviceSecretProtector>();
        services.AddScoped<CommissionedDeviceService>();
        services.AddScoped<CommissionedDeviceQueries>();
        services.AddScoped<AssignmentLetterService>();
        services.AddScoped<WorkPlanService>();
        services.AddScoped<ChecklistService>();
        // Needs IHistoryVerifier (the Web answers it from monitoring history).
        services.AddScoped<VerifiedItemService>();
        services.AddScoped<ReportService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ArchiveService>();
        services.AddScoped<ArchiveReadQueries>();
        services.AddScoped<SopBoardService>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<DatabaseStartupWait>();
        services.AddOptions<QualificationOptions>().BindConfiguration(QualificationOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.IsValid(out _), "Qualifications:Required: every line needs a Kind (at most 120 characters) and a Role of Manager, Inspector or none.")
            .ValidateOnStart();
        services.AddScoped<QualificationService>();
        services.AddScoped<QualificationQueries>();
        services.AddScoped<QualificationExpiry>();
        services.AddScoped<StandInService>();
        services.AddScoped<Tenants.TenantService>();
        services.AddScoped<Tenants.TenantQueries>();
        services.AddScoped<Tenants.VisitPermitService>();
        return services;
    }

    private static bool IsKey(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var length) && length >= EvidenceKey.MinimumBytes;
    }
}
