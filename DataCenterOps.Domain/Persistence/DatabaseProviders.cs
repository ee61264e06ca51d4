using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
            UseNpgsql(options, storage.PostgreSqlConnectionString
                ?? throw new InvalidOperationException("Storage:Provider is PostgreSql but ConnectionStrings:DataCenterOps is not set."));
            options.AddInterceptors(interceptors);
        }
        else
        {
            PrivateFile.EnsureSqlite(storage.DatabasePath);
            options.UseSqlite(storage.ConnectionString).AddInterceptors([new SqlitePragmaInterceptor(), .. interceptors]);
        }

        return options;
    }

    public static DbContextOptionsBuilder UseNpgsql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
}
