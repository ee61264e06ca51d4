using System.Security.Cryptography;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Seeding;

/// <summary>
/// At start: apply migrations, create the first Administrator, the shipped checklists and (optionally) demo data, named in
/// Seeding:Language and only into an empty database (what is there is never rewritten); anchor the evidence chains.
/// </summary>
public sealed partial class DatabaseInitializer(
    DataCenterOpsDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<BootstrapOptions> options,
    IOptions<SeedingOptions> seeding,
    IOptions<SitesOptions> sites,
    EvidenceServices evidence,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        await SiteSynchronizer.ApplyAsync(db, sites.Value, cancellationToken);
        await EnsureAdministratorAsync(cancellationToken);
        if (!await db.ChecklistTemplates.AnyAsync(cancellationToken))
        {
            db.ChecklistTemplates.AddRange(DemoTemplates.Create(seeding.Value.Language));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (options.Value.SeedDemoData)
        {
            await SeedDemoAsync(cancellationToken);
        }

        // Seal what predates the keyed chain (once), then anchor the heads outside the database.
        await evidence.StartAsync(db, cancellationToken);
    }

    private async Task EnsureAdministratorAsync(CancellationToken cancellationToken)
    {
        var hasAdmin = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == Roles.Administrator
                              select ur).AnyAsync(cancellationToken);
        if (hasAdmin)
        {
            return;
        }

        var email = options.Value.AdminEmail;
        var password = options.Value.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);
        }

        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Administrator" };
            Check(await users.CreateAsync(admin, password!));
        }

        Check(await users.AddToRoleAsync(admin, Roles.Administrator));
        LogAdminCreated(email);
        if (generated)
        {
            // Shown once, on the console only; never logged to files.
            Console.WriteLine($"DataCenterOps: first Administrator {email} created with password: {password}");
        }
    }

    private async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        foreach (var (email, fullName, role) in DemoUsers.All)
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName };
                Check(await users.CreateAsync(user, DemoUsers.Password));
                Check(await users.AddToRoleAsync(user, role));
            }
        }

        if (!await db.Equipment.AnyAsync(cancellationToken))
        {
            db.Equipment.AddRange(DemoEquipment.Create(seeding.Value.Language));
            await db.SaveChangesAsync(cancellationToken);
            LogDemoSeeded();
        }

        await SeedDemoTenantsAsync(cancellationToken);
    }

    private async Task SeedDemoTenantsAsync(CancellationToken cancellationToken)
    {
        if (await db.Tenants.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var demo in DemoTenants.All)
        {
            var (tenant, equipment) = DemoTenants.Create(demo, DateTime.SpecifyKind(new DateTime(2026, 1, 5), DateTimeKind.Utc), seeding.Value.Language);
            db.Tenants.Add(tenant);
            db.Equipment.AddRange(equipment);
            await db.SaveChangesAsync(cancellationToken);
            if (await users.FindByEmailAsync(demo.Email) is null)
            {
                var user = new AppUser { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, FullName = $"{demo.Code} (tenant)" };
                Check(await users.CreateAsync(user, DemoUsers.Password));
                Check(await users.AddToRoleAsync(user, Roles.Tenant));
                db.TenantUsers.Add(new Tenants.TenantUser { UserId = user.Id, TenantId = tenant.Id });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new BootstrapException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first Administrator {Email}.")]
    private partial void LogAdminCreated(string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo users and equipment (Bootstrap:SeedDemoData).")]
    private partial void LogDemoSeeded();
}
