using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// Every authorization rule of the web app, by name: pages (<c>[Authorize(Policy = ...)]</c>), the menu
/// (<c>&lt;AuthorizeView Policy=...&gt;</c>), endpoints (<c>RequireAuthorization(...)</c>) and the Hangfire dashboard
/// all refer to these names; the role lists live only here.
/// </summary>
public static class Policies
{
    /// <summary>Anyone of the data center's staff signed in (the room, the board, letters and plans, equipment). Not a tenant's account.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>One's own account (password, sign-out): any signed-in account, a tenant's too.</summary>
    public const string AnyAccount = nameof(AnyAccount);

    /// <summary>The tenant portal: a co-location tenant's account, which sees its own racks, equipment and visits only.</summary>
    public const string TenantPortal = nameof(TenantPortal);

    /// <summary>Manages tenants, their contacts, accounts and equipment ownership.</summary>
    public const string TenantAdmins = nameof(TenantAdmins);

    /// <summary>Administrator: users, simulator, backups.</summary>
    public const string Administrators = nameof(Administrators);

    /// <summary>Pengawas: issues letters and reviews reports.</summary>
    public const string Supervisors = nameof(Supervisors);

    /// <summary>Pemeriksa: carries out the checklists.</summary>
    public const string Inspectors = nameof(Inspectors);

    /// <summary>The SOP team that works on letters and plans (menu).</summary>
    public const string SopTeam = nameof(SopTeam);

    /// <summary>Everyone who may open a Surat Tugas PDF; the Operator checks them at the DC-room door.</summary>
    public const string LetterReaders = nameof(LetterReaders);

    /// <summary>The archive is evidence: its keepers and those who answer for it.</summary>
    public const string ArchiveReaders = nameof(ArchiveReaders);

    /// <summary>Schedules, compliance exports and the routine status tile.</summary>
    public const string RoutinePlanners = nameof(RoutinePlanners);

    /// <summary>Due checks and the routine menu.</summary>
    public const string RoutineReaders = nameof(RoutineReaders);

    /// <summary>The Hangfire dashboard (read-only unless Administrator).</summary>
    public const string JobWatchers = nameof(JobWatchers);

    /// <summary>Edits equipment.</summary>
    public const string EquipmentEditors = nameof(EquipmentEditors);

    /// <summary>Reads the access register, its log and exports.</summary>
    public const string AccessRegister = nameof(AccessRegister);

    /// <summary>Registers entries and exits.</summary>
    public const string AccessRegistrars = nameof(AccessRegistrars);

    /// <summary>Corrects or voids an entry; reviews authorisations.</summary>
    public const string AccessCorrectors = nameof(AccessCorrectors);

    /// <summary>A report: any signed-in person until it is archived, then archive readers and the people named on it.</summary>
    public const string ReportReaders = nameof(ReportReaders);

    /// <summary>A checklist: the same rule as its report.</summary>
    public const string ChecklistReaders = nameof(ChecklistReaders);

    /// <summary>The audit trail and its export: those who answer for the records.</summary>
    public const string AuditReaders = nameof(AuditReaders);

    /// <summary>The evidence pack for auditors (page, build and download): those who answer for the records.</summary>
    public const string EvidencePacks = nameof(EvidencePacks);

    /// <summary>The qualification matrix and the scanned certificates: the Pengawas, the Pengelola and the Administrator.</summary>
    public const string QualificationReaders = nameof(QualificationReaders);

    /// <summary>Records qualifications (never one's own: the Domain refuses it).</summary>
    public const string QualificationRecorders = nameof(QualificationRecorders);

    /// <summary>Drafting and issuing letters, reviewing reports: the Pengawas, or whoever stands in for one now (Plh./Plt.).</summary>
    public const string PengawasDuties = nameof(PengawasDuties);

    /// <summary>The read-only JSON API: a signed-in cookie or <c>Api:ApiKey</c>.</summary>
    public const string Api = nameof(Api);

    /// <summary>The role list behind each role policy (also used to re-check a circuit's actor against the database).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Administrators] = [Roles.Administrator],
        [Supervisors] = [Roles.Supervisor],
        [Inspectors] = [Roles.Inspector],
        [SopTeam] = [Roles.Supervisor, Roles.Manager, Roles.Inspector],
        [LetterReaders] = [Roles.Supervisor, Roles.Manager, Roles.Inspector, Roles.Operator, Roles.Administrator],
        [ArchiveReaders] = [Roles.Manager, Roles.Supervisor, Roles.Administrator],
        [RoutinePlanners] = [Roles.Manager, Roles.Supervisor, Roles.Administrator],
        [RoutineReaders] = [Roles.Manager, Roles.Inspector, Roles.Supervisor, Roles.Administrator],
        [JobWatchers] = [Roles.Administrator, Roles.Supervisor],
        [EquipmentEditors] = [Roles.Administrator, Roles.Manager],
        [AccessRegister] = [Roles.Operator, Roles.Manager, Roles.Inspector, Roles.Supervisor, Roles.Administrator],
        [AccessRegistrars] = [Roles.Operator, Roles.Manager, Roles.Inspector, Roles.Supervisor],
        [AccessCorrectors] = [Roles.Supervisor, Roles.Administrator],
        [AuditReaders] = [Roles.Supervisor, Roles.Administrator],
        [EvidencePacks] = [Roles.Supervisor, Roles.Administrator],
        [QualificationReaders] = [Roles.Supervisor, Roles.Manager, Roles.Administrator],
        [QualificationRecorders] = [Roles.Manager, Roles.Administrator],
        [TenantPortal] = [Roles.Tenant],
        [TenantAdmins] = [Roles.Administrator, Roles.Manager],
    };

    /// <summary>Registers every policy; anything without a declared policy still needs a signed-in user (fallback).</summary>
    public static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder)
    {
        // The fallback (the circuit hub, framework routes) needs any account; SignedIn, which every staff page names, a staff role.
        var anyAccount = new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().Build();
        var signedIn = new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().RequireRole(Roles.Staff).Build();
        builder.SetFallbackPolicy(anyAccount).AddPolicy(AnyAccount, anyAccount).AddPolicy(SignedIn, signedIn);
        foreach (var (name, roles) in RolesOf)
        {
            builder.AddPolicy(name, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(roles));
        }

        builder.AddPolicy(ReportReaders, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser().RequireRole(Roles.Staff).AddRequirements(new ArchivedReportReadRequirement(Checklist: false)));
        builder.AddPolicy(ChecklistReaders, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser().RequireRole(Roles.Staff).AddRequirements(new ArchivedReportReadRequirement(Checklist: true)));
        builder.AddPolicy(PengawasDuties, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser().RequireRole(Roles.Staff).AddRequirements(new PengawasDutiesRequirement()));
        builder.AddPolicy(Api, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
                || Roles.Staff.Any(c.User.IsInRole)));
        return builder;
    }
}
