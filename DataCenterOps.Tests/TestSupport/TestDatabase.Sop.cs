using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.TestSupport;

/// <summary>The SOP seed: the people of <see cref="People"/>, the demo equipment and checklists, a clock at <see cref="SopStart"/>.</summary>
internal sealed partial class TestDatabase
{
    /// <summary>Monday 2 March 2026, 09:00 WITA.</summary>
    public static readonly DateTimeOffset SopStart = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public SopOptions Sop { get; } = new();
    public IOptions<SopOptions> Options => Microsoft.Extensions.Options.Options.Create(Sop);

    /// <summary>The flow a helper last started, for tests that continue it.</summary>
    public SopFlow? LastFlow { get; set; }

    /// <summary>A fresh SOP database on <paramref name="provider"/>, migrated and seeded.</summary>
    public static Task<TestDatabase> CreateSopAsync(StorageProvider provider = StorageProvider.Sqlite) => CreateAsync(provider, Seed.Sop);

    private static async Task SeedSopAsync(DataCenterOpsDbContext db)
    {
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        foreach (var (id, userRoles) in People.All)
        {
            db.Users.Add(new AppUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), FullName = id });
            db.UserRoles.AddRange(userRoles.Select(r => new IdentityUserRole<string> { UserId = id, RoleId = roles[r].Id }));
        }

        db.Equipment.AddRange(DemoEquipment.Create());
        db.ChecklistTemplates.AddRange(DemoTemplates.Create());
        await db.SaveChangesAsync();
    }
}
