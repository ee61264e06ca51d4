using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Domain;

/// <summary>
/// A real SQLite file in its own temp folder, migrated and seeded with people, equipment and checklists.
/// The migrated file is built once per test run and copied, so each test starts from a clean database.
/// </summary>
internal sealed class SopDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly SemaphoreSlim s_templateLock = new(1, 1);
    private static string? s_templatePath;

    private SopDatabase(string directory)
    {
        Directory = directory;
        Storage = new StorageOptions { DataDirectory = directory };
    }

    public string Directory { get; }
    public StorageOptions Storage { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public SopOptions Sop { get; } = new();

    /// <summary>The evidence key of this test's "installation" (never in the database).</summary>
    public byte[] KeyBytes { get; } = EvidenceKey.NewKeyBytes();

    public EvidenceKey Key => EvidenceKey.FromBytes(KeyBytes, "test");

    public EvidenceAnchorLog Anchors => new(System.IO.Path.Combine(Directory, "evidence-anchors.log"), Key);
    public IOptions<SopOptions> Options => Microsoft.Extensions.Options.Options.Create(Sop);

    /// <summary>The flow a helper last started, for tests that continue it.</summary>
    public SopFlow? LastFlow { get; set; }

    public static async Task<SopDatabase> CreateAsync()
    {
        var template = await TemplateAsync();
        var database = new SopDatabase(NewTempDirectory());
        File.Copy(template, database.Storage.DatabasePath);
        return database;
    }

    /// <summary>A context as the app makes them: WAL pragmas and evidence sealing (with anchors in the test folder).</summary>
    public DataCenterOpsDbContext NewContext() => NewContext(Storage, new EvidenceSealingInterceptor(Key, Anchors, Time));

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
            // A pooled handle still open on a loaded machine; the temp folder is left for the OS to clean.
        }
    }

    private static DataCenterOpsDbContext NewContext(StorageOptions storage, EvidenceSealingInterceptor? sealing = null) =>
        new(new DbContextOptionsBuilder<DataCenterOpsDbContext>()
            .UseSqlite(storage.ConnectionString)
            .AddInterceptors(sealing is null ? [new SqlitePragmaInterceptor()] : [new SqlitePragmaInterceptor(), sealing])
            .Options);

    private static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "dcops-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    private static async Task<string> TemplateAsync()
    {
        await s_templateLock.WaitAsync();
        try
        {
            if (s_templatePath is not null)
            {
                return s_templatePath;
            }

            var storage = new StorageOptions { DataDirectory = NewTempDirectory() };
            await using (var db = NewContext(storage))
            {
                await db.Database.MigrateAsync();
                Seed(db);
                await db.SaveChangesAsync();
                // Fold the WAL into the main file so a plain copy carries everything.
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }

            SqliteConnection.ClearAllPools();
            s_templatePath = storage.DatabasePath;
            return s_templatePath;
        }
        finally
        {
            s_templateLock.Release();
        }
    }

    private static void Seed(DataCenterOpsDbContext db)
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
    }
}
