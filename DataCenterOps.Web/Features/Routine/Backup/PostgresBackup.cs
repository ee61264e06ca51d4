using System.Globalization;
using DataCenterOps.Domain.Evidence;
using Npgsql;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>
/// Backups on PostgreSQL (Storage:Provider PostgreSql): <c>pg_dump --format=custom</c> of the whole database (the app's
/// tables, Hangfire's schema and monitoring's history), verified by <c>pg_restore</c> into a scratch database on the
/// same server — created, checked (the key tables' row counts and the keyed evidence chains, with the Domain's
/// <see cref="DatabaseCopyVerifier"/>) and dropped. The app's role needs CREATEDB for the scratch database.
/// </summary>
public static class PostgresBackup
{
    public const string Extension = ".pgdump";

    /// <summary>Row counts of <see cref="BackupInspector.KeyTables"/> in the database of <paramref name="connectionString"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in BackupInspector.KeyTables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            try
            {
                counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
            catch (PostgresException ex)
            {
                throw new BackupVerificationException($"table {table} cannot be read ({ex.MessageText}).");
            }
        }

        return counts;
    }

    /// <summary>Dumps the live database into <paramref name="target"/>; the counts before and after, for the verification.</summary>
    public static async Task<(IReadOnlyDictionary<string, long> Before, IReadOnlyDictionary<string, long> After)> DumpAsync(
        PgTools tools, string connectionString, string target, CancellationToken cancellationToken)
    {
        var before = await CountRowsAsync(connectionString, cancellationToken);
        await tools.DumpAsync(connectionString, target, cancellationToken);
        var after = await CountRowsAsync(connectionString, cancellationToken);
        return (before, after);
    }

    /// <summary>Restores <paramref name="dump"/> into a new scratch database and inspects it; the scratch database is dropped.</summary>
    public static async Task<BackupInspection> InspectAsync(PgTools tools, string connectionString, string dump, EvidenceKey key, CancellationToken cancellationToken)
    {
        var scratch = await RestoreIntoNewDatabaseAsync(tools, connectionString, dump, "verify", cancellationToken);
        try
        {
            return await InspectDatabaseAsync(WithDatabase(connectionString, scratch), key, cancellationToken);
        }
        finally
        {
            await DropDatabaseAsync(connectionString, scratch, CancellationToken.None);
        }
    }

    /// <summary>Creates a database named after the live one and <paramref name="purpose"/>, and restores the dump into it; its name.</summary>
    public static async Task<string> RestoreIntoNewDatabaseAsync(
        PgTools tools, string connectionString, string dump, string purpose, CancellationToken cancellationToken)
    {
        if (!File.Exists(dump))
        {
            throw new BackupVerificationException($"{dump} does not exist.");
        }

        var live = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres";
        var scratch = Name(live, $"_{purpose}_{Guid.NewGuid():N}"[..(purpose.Length + 14)]);
        await ExecuteOnServerAsync(connectionString, $"CREATE DATABASE \"{scratch}\" TEMPLATE template0", cancellationToken);
        try
        {
            await tools.RestoreAsync(WithDatabase(connectionString, scratch), dump, cancellationToken);
            return scratch;
        }
        catch
        {
            await DropDatabaseAsync(connectionString, scratch, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The key tables' row counts and the evidence chains of a restored copy.</summary>
    public static async Task<BackupInspection> InspectDatabaseAsync(string connectionString, EvidenceKey key, CancellationToken cancellationToken)
    {
        var counts = await CountRowsAsync(connectionString, cancellationToken);
        var copy = await DatabaseCopyVerifier.VerifyPostgreSqlAsync(Unpooled(connectionString), key, cancellationToken);
        return new BackupInspection("ok", counts, copy.ArchivedRecords, copy.ArchiveChainIntact, copy.Evidence);
    }

    public static async Task DropDatabaseAsync(string connectionString, string database, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync(connectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", cancellationToken);
    }

    /// <summary>Sessions other than ours on <paramref name="database"/> (another node still running).</summary>
    public static async Task<long> OtherSessionsAsync(string connectionString, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(WithDatabase(connectionString, "postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @d AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("d", database);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Whether a database of that name exists on the server.</summary>
    public static async Task<bool> ExistsAsync(string connectionString, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(WithDatabase(connectionString, "postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @d", connection);
        command.Parameters.AddWithValue("d", database);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    public static Task RenameDatabaseAsync(string connectionString, string from, string to, CancellationToken cancellationToken) =>
        ExecuteOnServerAsync(connectionString, $"ALTER DATABASE \"{from}\" RENAME TO \"{to}\"", cancellationToken);

    /// <summary>A database name from the live one and a suffix, within PostgreSQL's 63 bytes.</summary>
    public static string Name(string live, string suffix)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(suffix);
        return (live.Length + suffix.Length > 63 ? live[..(63 - suffix.Length)] : live) + suffix;
    }

    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static async Task ExecuteOnServerAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        // CREATE/DROP/ALTER DATABASE from the maintenance database, never from the database they act on.
        await using var connection = new NpgsqlConnection(Unpooled(WithDatabase(connectionString, "postgres")));
        await connection.OpenAsync(cancellationToken);
#pragma warning disable CA2100 // Database names are our own (the configured one and generated suffixes), quoted.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
