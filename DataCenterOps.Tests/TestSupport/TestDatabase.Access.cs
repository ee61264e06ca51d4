using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.AspNetCore.Identity;

namespace DataCenterOps.Tests.TestSupport;

/// <summary>The access-register seed: one user per role (ids below), a clock at <see cref="AccessStart"/> (Tuesday 10:00 WITA).</summary>
internal sealed partial class TestDatabase
{
    public const string Supervisor = "u-supervisor";
    public const string Supervisor2 = "u-supervisor2";
    public const string Manager = "u-manager";
    public const string Inspector = "u-inspector";
    public const string Inspector2 = "u-inspector2";
    public const string Operator = "u-operator";
    public const string Administrator = "u-admin";
    public const string Outsider = "u-outsider";

    /// <summary>Tuesday 10 March 2026, 10:00 in Asia/Makassar (UTC+8).</summary>
    public static readonly DateTimeOffset AccessStart = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private int _letterSequence;

    public AccessChanges Changes { get; } = new();
    public AccessOptions AccessOptions { get; } = new();

    /// <summary>A fresh access-register database on <paramref name="provider"/>, migrated, one user per role.</summary>
    public static Task<TestDatabase> CreateAccessAsync(StorageProvider provider = StorageProvider.Sqlite) => CreateAsync(provider, Seed.Access);

    public static async Task SeedUsersAsync(DataCenterOpsDbContext db)
    {
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { Id = "r-" + r, NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        (string Id, string Name, string? Role)[] users =
        [
            (Supervisor, "Pengawas Satu", Roles.Supervisor), (Supervisor2, "Pengawas Dua", Roles.Supervisor),
            (Manager, "Pengelola", Roles.Manager), (Inspector, "Pemeriksa Satu", Roles.Inspector),
            (Inspector2, "Pemeriksa Dua", Roles.Inspector), (Operator, "Operator", Roles.Operator),
            (Administrator, "Admin", Roles.Administrator), (Outsider, "Pegawai Lain", null),
        ];
        foreach (var (id, name, role) in users)
        {
            db.Users.Add(new AppUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), FullName = name });
            if (role is not null)
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roles[role].Id });
            }
        }

        await db.SaveChangesAsync();
    }

    public static Task<Actor> ActorAsync(DataCenterOpsDbContext db, string userId) => Actors.LoadAsync(db, userId);

    public AccessRegisterService Register(DataCenterOpsDbContext db) => new(db, Time, Changes, new AuditLog(db, Time));

    public AccessGrantService Grants(DataCenterOpsDbContext db) => new(db, Time, Changes, new AuditLog(db, Time));

    public AccessReviewService Reviews(DataCenterOpsDbContext db) =>
        new(db, Time, Microsoft.Extensions.Options.Options.Create(AccessOptions),
            new AssignmentLetterService(db, Time, Microsoft.Extensions.Options.Options.Create(new SopOptions()), new AuditLog(db, Time)), Grants(db), Changes, new AuditLog(db, Time));

    /// <summary>A letter by <see cref="Supervisor"/> naming <see cref="Manager"/> and <see cref="Inspector"/>, issued unless told otherwise.</summary>
    public async Task<AssignmentLetter> LetterAsync(TimeSpan validFromOffset, TimeSpan validUntilOffset, bool issue = true, bool revoke = false, string supervisorId = Supervisor)
    {
        await using var db = NewContext();
        var sequence = Interlocked.Increment(ref _letterSequence);
        var letter = new AssignmentLetter
        {
            Agenda = "Pemeliharaan UPS",
            SupervisorId = supervisorId,
            ManagerId = Manager,
            ValidFromUtc = Now + validFromOffset,
            ValidUntilUtc = Now + validUntilOffset,
            CreatedAtUtc = Now,
        };
        letter.Inspectors.Add(new AssignmentLetterInspector { LetterId = letter.Id, UserId = Inspector });
        if (issue)
        {
            letter.Issue($"065.2/{sequence}/Diskominfo/2026", 2026, sequence, Now);
        }

        if (revoke)
        {
            letter.Revoke("Dibatalkan", supervisorId, Now);
        }

        db.AssignmentLetters.Add(letter);
        await db.SaveChangesAsync();
        return letter;
    }

    public static StaffEntryInput Staff(string userId, Guid? letterId = null, params CarriedItem[] items) =>
        new(userId, "Pemeliharaan UPS", letterId, items);

    public static VisitorEntryInput Visitor(string escortUserId, string idNumber = "6472010101010001") =>
        new("Budi Vendor", "PT Daya Prima", "KTP", idNumber, true, "Pengelola", "Penggantian baterai UPS", escortUserId,
            [new CarriedItem("Laptop servis", "SN-123")]);
}
