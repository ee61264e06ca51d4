using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DataCenterOps.Tests.TestSupport;

/// <summary>
/// The one test database, on either provider: a real SQLite file in its own temp folder, or a database of its own on
/// the tests' PostgreSQL 15 server (<see cref="PostgresServer"/>). Each test gets a fresh copy of a migrated and seeded
/// template, made once per run and per seed: a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL.
/// The SOP seed (<see cref="CreateSopAsync"/>) and the access-register seed (<see cref="CreateAccessAsync"/>) are in
/// the partial files beside this one.
/// </summary>
internal sealed partial class TestDatabase : IAsyncDisposable
{
    /// <summary>A per-process tag, so that template names never meet those of another run on a shared server.</summary>
    private static readonly string s_run = Guid.NewGuid().ToString("N")[..8];

    private static readonly SemaphoreSlim s_templateLock = new(1, 1);
    private static readonly Dictionary<(StorageProvider, Seed), string> s_templates = [];

    private readonly Seed _seed;

    private TestDatabase(StorageProvider provider, Seed seed, string directory, string? postgresDatabase, string? postgresConnection)
    {
        Provider = provider;
        _seed = seed;
        Directory = directory;
        PostgresDatabase = postgresDatabase;
        Storage = new StorageOptions { Provider = provider, DataDirectory = directory, PostgreSqlConnectionString = postgresConnection };
        Time = new FakeTimeProvider(seed == Seed.Access ? AccessStart : SopStart);
        ContextOptions = new DbContextOptionsBuilder<DataCenterOpsDbContext>().Use(Storage).Options;
    }

    private enum Seed
    {
        Sop,
        Access,
    }

    /// <summary>Both providers, for <c>[MemberData]</c> of provider-parameterised tests.</summary>
    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    public StorageProvider Provider { get; }

    /// <summary>The installation's folder: the SQLite file (on SQLite), the evidence anchors, key files.</summary>
    public string Directory { get; }

    public StorageOptions Storage { get; }
    public FakeTimeProvider Time { get; }
    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>PostgreSQL: this test's database name.</summary>
    public string? PostgresDatabase { get; }

    /// <summary>Plain options (no evidence sealing), as the access tests and factories use them.</summary>
    public DbContextOptions<DataCenterOpsDbContext> ContextOptions { get; }

    /// <summary>The evidence key of this test's "installation" (never in the database).</summary>
    public byte[] KeyBytes { get; } = EvidenceKey.NewKeyBytes();

    public EvidenceKey Key => EvidenceKey.FromBytes(KeyBytes, "test");

    public EvidenceAnchorLog Anchors => new(Path.Combine(Directory, "evidence-anchors.log"), Key);

    /// <summary>
    /// A context as the app makes them (SQLite pragmas; on the SOP seed also evidence sealing with anchors in the
    /// test folder). The access seed's contexts do not seal, as before the fixtures were one.
    /// </summary>
    public DataCenterOpsDbContext NewContext() =>
        _seed == Seed.Sop ? NewContext(new EvidenceSealingInterceptor(Key, Anchors, Time)) : new DataCenterOpsDbContext(ContextOptions);

    public DataCenterOpsDbContext NewContext(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<DataCenterOpsDbContext>().Use(Storage, interceptors).Options);

    /// <summary>The forger's first step, in this provider's dialect: removing a guard trigger.</summary>
    public string DropTriggerSql(string table, string trigger) =>
        Provider == StorageProvider.PostgreSql ? $"DROP TRIGGER \"{trigger}\" ON \"{table}\"" : $"DROP TRIGGER \"{trigger}\"";

    public async ValueTask DisposeAsync()
    {
        if (PostgresDatabase is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(Storage.PostgreSqlConnectionString));
            await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{PostgresDatabase}\" WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

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

    private static async Task<TestDatabase> CreateAsync(StorageProvider provider, Seed seed)
    {
        var template = await TemplateAsync(provider, seed);
        var directory = NewTempDirectory();
        if (provider == StorageProvider.Sqlite)
        {
            // Copied before the options are made: making them creates an empty database file.
            File.Copy(template, Path.Combine(directory, StorageOptions.DatabaseFileName));
            return new TestDatabase(provider, seed, directory, null, null);
        }

        var name = "dcops_t_" + Guid.NewGuid().ToString("N");
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new TestDatabase(provider, seed, directory, name, await PostgresServer.ConnectionStringAsync(name));
    }

    private static async Task<string> TemplateAsync(StorageProvider provider, Seed seed)
    {
        await s_templateLock.WaitAsync();
        try
        {
            if (s_templates.TryGetValue((provider, seed), out var existing))
            {
                return existing;
            }

            var template = provider == StorageProvider.Sqlite ? await SqliteTemplateAsync(seed) : await PostgresTemplateAsync(seed);
            s_templates[(provider, seed)] = template;
            return template;
        }
        finally
        {
            s_templateLock.Release();
        }
    }

    private static async Task<string> SqliteTemplateAsync(Seed seed)
    {
        var storage = new StorageOptions { DataDirectory = NewTempDirectory() };
        await using (var db = new DataCenterOpsDbContext(new DbContextOptionsBuilder<DataCenterOpsDbContext>().Use(storage).Options))
        {
            await db.Database.MigrateAsync();
            await SeedAsync(db, seed);
            // Fold the WAL into the main file so a plain copy carries everything.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        return storage.DatabasePath;
    }

    private static async Task<string> PostgresTemplateAsync(Seed seed)
    {
        var name = $"dcops_tpl_{seed.ToString().ToLowerInvariant()}_{s_run}";
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        // No pooling: a template may have no open connection when it is copied.
        var connection = new NpgsqlConnectionStringBuilder(await PostgresServer.ConnectionStringAsync(name)) { Pooling = false }.ConnectionString;
        var storage = new StorageOptions { Provider = StorageProvider.PostgreSql, PostgreSqlConnectionString = connection };
        await using (var db = new DataCenterOpsDbContext(new DbContextOptionsBuilder<DataCenterOpsDbContext>().Use(storage).Options))
        {
            await db.Database.MigrateAsync();
            await SeedAsync(db, seed);
        }

        return name;
    }

    private static Task SeedAsync(DataCenterOpsDbContext db, Seed seed) => seed == Seed.Sop ? SeedSopAsync(db) : SeedUsersAsync(db);

    private static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "dcops-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
