using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Web.Features.Access;

/// <summary>A real SQLite file with every migration applied, one user per role, and a fake clock (Tuesday 10:00 WITA).</summary>
public sealed class AccessDatabase : IAsyncDisposable
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
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private int _letterSequence;

    private AccessDatabase(string directory)
    {
        Directory = directory;
        var path = Path.Combine(directory, "access.db");
        ContextOptions = new DbContextOptionsBuilder<DataCenterOpsDbContext>()
            .UseSqlite($"Data Source={path}")
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options;
    }

    public string Directory { get; }
    public DbContextOptions<DataCenterOpsDbContext> ContextOptions { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public AccessChanges Changes { get; } = new();
    public AccessOptions Options { get; } = new();
    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public static async Task<AccessDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "dcops-access-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = new AccessDatabase(directory);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        await SeedUsersAsync(db);
        return database;
    }

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

    public DataCenterOpsDbContext NewContext() => new(ContextOptions);

    public static Task<Actor> ActorAsync(DataCenterOpsDbContext db, string userId) => Actors.LoadAsync(db, userId);

    public AccessRegisterService Register(DataCenterOpsDbContext db) => new(db, Time, Changes, new AuditLog(db, Time));

    public AccessGrantService Grants(DataCenterOpsDbContext db) => new(db, Time, Changes, new AuditLog(db, Time));

    public AccessReviewService Reviews(DataCenterOpsDbContext db) =>
        new(db, Time, Microsoft.Extensions.Options.Options.Create(Options),
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

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder stays in /tmp.
        }
    }
}
