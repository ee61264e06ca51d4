using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataCenterOps.Domain.Persistence;

/// <summary>Provider-neutral reading of database errors the domain turns into refusals.</summary>
public static class DatabaseErrors
{
    /// <summary>A unique index or key refused the row (SQLite SQLITE_CONSTRAINT 19, PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
