using System.Globalization;
using DataCenterOps.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// <c>dotnet run --project DataCenterOps.Web -- verify-evidence</c>: checks the configured database against the evidence
/// key and the newest local anchors, one line per chain, on SQLite or PostgreSQL as <c>Storage:Provider</c> says.
/// Never writes the database, never creates a key.
/// Exit codes: 0 intact, 3 tampered, 2 usage or configuration error (no database, no key).
/// </summary>
public static class VerifyEvidenceCommand
{
    public const string Name = "verify-evidence";
    public const int Intact = 0;
    public const int ConfigurationError = 2;
    public const int Tampered = 3;

    public static bool IsVerifyEvidence(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Name;

    /// <summary>Reads the configuration as the app does (appsettings.json, environment, command line) and verifies.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(1).ToArray())
            .Build();
        return RunAsync(args, configuration, Console.Out);
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (!IsVerifyEvidence(args) || args.Skip(1).Any(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal)))
        {
            await output.WriteLineAsync("Usage: DataCenterOps.Web verify-evidence [--Storage:DataDirectory=DIR] [--Evidence:Key=BASE64]");
            return ConfigurationError;
        }

        var storage = StorageOptions.From(configuration);
        var options = configuration.GetSection(EvidenceOptions.SectionName).Get<EvidenceOptions>() ?? new EvidenceOptions();
        if (storage.IsPostgreSql && string.IsNullOrWhiteSpace(storage.PostgreSqlConnectionString))
        {
            await output.WriteLineAsync($"error: {StorageOptions.NoConnectionString}");
            return ConfigurationError;
        }

        if (!storage.IsPostgreSql && !File.Exists(storage.DatabasePath))
        {
            await output.WriteLineAsync($"error: no database at {storage.DatabasePath}");
            return ConfigurationError;
        }

        EvidenceKey key;
        try
        {
            key = EvidenceKeyStore.Load(options, storage, createIfMissing: false);
        }
        catch (EvidenceKeyException ex)
        {
            await output.WriteLineAsync($"error: {ex.Message}");
            return ConfigurationError;
        }

        var anchorLog = new EvidenceAnchorLog(options.AnchorFilePath(storage), key);
        var anchors = anchorLog.Read();
        IReadOnlyList<ChainVerification> chains;
        (bool Intact, string Line) photos;
        try
        {
            await using var db = new DataCenterOpsDbContext(ContextOptions(storage));
            chains = await new EvidenceVerifier(db, key).VerifyAllAsync(anchors, cancellationToken);
            photos = await Photos.ArchivedPhotoVerifier.VerifyAsync(db, Photos.PhotoStore.FolderOf(storage), cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or NpgsqlException or InvalidOperationException { InnerException: NpgsqlException })
        {
            var what = storage.IsPostgreSql ? PostgreSqlTarget.Describe(storage.PostgreSqlConnectionString) : storage.DatabasePath;
            await output.WriteLineAsync($"error: {what} cannot be read ({ex.Message})");
            return ConfigurationError;
        }

        foreach (var chain in chains)
        {
            await output.WriteLineAsync(chain.Line);
        }

        await output.WriteLineAsync(photos.Line);
        if (anchors.InvalidLines > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"anchors: TAMPERED — {anchors.InvalidLines} of {anchors.Lines} line(s) in {anchorLog.Path} fail their signature"));
        }
        else if (anchors.Lines == 0)
        {
            await output.WriteLineAsync($"anchors: none in {anchorLog.Path} (compare the heads with a backup manifest, digest mail or printed report)");
        }

        return chains.All(c => c.IsIntact) && anchors.InvalidLines == 0 && photos.Intact ? Intact : Tampered;
    }

    // Never creates the database: SQLite opened read-write (WAL needs it) but not create, PostgreSQL by its connection string.
    private static DbContextOptions<DataCenterOpsDbContext> ContextOptions(StorageOptions storage)
    {
        var options = new DbContextOptionsBuilder<DataCenterOpsDbContext>();
        if (storage.IsPostgreSql)
        {
            DatabaseProviders.UseNpgsql(options, storage.PostgreSqlConnectionString!);
        }
        else
        {
            options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = storage.DatabasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        }

        return options.Options;
    }
}
