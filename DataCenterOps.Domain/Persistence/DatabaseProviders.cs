using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Domain.Persistence;

/// <summary>
/// The one place that turns <see cref="StorageOptions"/> into EF Core options: SQLite with its pragmas and the
/// migrations in this assembly, or Npgsql with the migrations in <see cref="PostgreSqlMigrationsAssembly"/>.
/// </summary>
public static class DatabaseProviders
{
    /// <summary>The PostgreSQL migrations set (docs/adr/0006): a project of its own, loaded by name.</summary>
    public const string PostgreSqlMigrationsAssembly = "DataCenterOps.Domain.PostgreSql";

    public static DbContextOptionsBuilder<DataCenterOpsDbContext> Use(
        this DbContextOptionsBuilder<DataCenterOpsDbContext> options, StorageOptions storage, params IInterceptor[] interceptors)
    {
        ((DbContextOptionsBuilder)options).Use(storage, interceptors);
        return options;
    }

    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, StorageOptions storage, params IInterceptor[] interceptors)
    {
        if (storage.IsPostgreSql)
        {
            UseNpgsql(options, storage.PostgreSqlConnectionString ?? throw new InvalidOperationException(StorageOptions.NoConnectionString + "."));
            options.AddInterceptors(interceptors);
        }
        else
        {
            PrivateFile.EnsureSqlite(storage.DatabasePath);
            options.UseSqlite(storage.ConnectionString).AddInterceptors([new SqlitePragmaInterceptor(), .. interceptors]);
            // Adding a foreign key to an existing SQLite table (migrations Sites, Tenants) is EF Core's table rebuild:
            // PRAGMA foreign_keys = 0 must run between transactions (SQLite ignores it inside one, and dropping the old
            // table with the keys on would cascade into its children), so such a migration commits in three steps. That is
            // the only way to rebuild there, not a fault of this installation: on a first start the tables are empty (an
            // interrupted one leaves an empty half-made dcops.db, delete it); an upgrade interrupted mid-step is restored
            // from the nightly backup, as after any failed upgrade. Information, not a warning on every new installation.
            options.ConfigureWarnings(warnings => warnings.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)));
        }

        return options;
    }

    public static DbContextOptionsBuilder UseNpgsql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
}
