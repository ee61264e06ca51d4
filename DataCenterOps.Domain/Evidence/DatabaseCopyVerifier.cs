using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// Verifies the evidence in a copy of the database (a backup file, opened by its connection string), not the app's
/// own database: its own context and services, nothing written to it.
/// </summary>
public static class DatabaseCopyVerifier
{
    public static Task<DatabaseCopyVerification> VerifyAsync(string sqliteConnectionString, EvidenceKey key, CancellationToken cancellationToken) =>
        VerifyAsync(new DbContextOptionsBuilder<DataCenterOpsDbContext>().UseSqlite(sqliteConnectionString).Options, key, cancellationToken);

    /// <summary>The same on a PostgreSQL copy (e.g. a backup restored into a scratch database).</summary>
    public static Task<DatabaseCopyVerification> VerifyPostgreSqlAsync(string npgsqlConnectionString, EvidenceKey key, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<DataCenterOpsDbContext>();
        DatabaseProviders.UseNpgsql(options, npgsqlConnectionString);
        return VerifyAsync(options.Options, key, cancellationToken);
    }

    private static async Task<DatabaseCopyVerification> VerifyAsync(DbContextOptions<DataCenterOpsDbContext> options, EvidenceKey key, CancellationToken cancellationToken)
    {
        await using var db = new DataCenterOpsDbContext(options);
        // Only reads, on the copy's own context: the archive chain checked directly, no service that could write
        // (no AuditLog, no clock) against a backup file.
        var verifier = new EvidenceVerifier(db, key);
        var archive = await verifier.VerifyAsync(EvidenceChains.Archive, anchor: null, cancellationToken);
        var evidence = await verifier.VerifyAllAsync(anchors: null, cancellationToken);
        return new DatabaseCopyVerification(archive.Checks.Count, archive.Checks.All(c => c.State == IntegrityState.Intact), evidence);
    }
}
