namespace DataCenterOps.Domain.Persistence;

/// <summary>Where the app database lives (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>The embedded default: <c>dcops.db</c> in <c>Storage:DataDirectory</c>.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database shared by every node (<c>ConnectionStrings:DataCenterOps</c>).</summary>
    PostgreSql,
}
