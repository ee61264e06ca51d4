using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DataCenterOps.Domain.Persistence;

/// <summary>Where the app keeps its database and files (section "Storage", plus <c>ConnectionStrings:DataCenterOps</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string DatabaseFileName = "dcops.db";

    /// <summary>The connection string's name under <c>ConnectionStrings</c> (PostgreSQL only).</summary>
    public const string ConnectionStringName = "DataCenterOps";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder for the database and other files; relative paths are from the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>How long a node waits between attempts to reach a database that is down at start.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan StartupRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Npgsql connection string from <c>ConnectionStrings:DataCenterOps</c>; set by the binding, never printed.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    public bool IsPostgreSql => Provider == StorageProvider.PostgreSql;

    /// <summary>Said when <see cref="Provider"/> is PostgreSQL and no connection string is configured.</summary>
    public const string NoConnectionString = $"Storage:Provider is PostgreSql but ConnectionStrings:{ConnectionStringName} is not set";

    /// <summary>
    /// The options as the app binds them (section "Storage" and <c>ConnectionStrings:DataCenterOps</c>), for the
    /// command-line entry points that run before or without the host.
    /// </summary>
    public static StorageOptions From(IConfiguration configuration)
    {
        var storage = configuration.GetSection(SectionName).Get<StorageOptions>() ?? new StorageOptions();
        storage.PostgreSqlConnectionString ??= configuration.GetConnectionString(ConnectionStringName);
        return storage;
    }

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), DatabaseFileName);

    /// <summary>The SQLite connection string (the default provider).</summary>
    public string ConnectionString => $"Data Source={DatabasePath}";

    public override string ToString() =>
        IsPostgreSql ? $"Storage(PostgreSql, {PostgreSqlTarget.Describe(PostgreSqlConnectionString)})" : $"Storage(Sqlite, {DatabasePath})";
}
