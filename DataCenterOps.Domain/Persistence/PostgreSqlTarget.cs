using Npgsql;

namespace DataCenterOps.Domain.Persistence;

/// <summary>"host:port/database as user" of a connection string, for logs: never the password.</summary>
public static class PostgreSqlTarget
{
    public static string Describe(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "no ConnectionStrings:DataCenterOps";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
        }
        catch (ArgumentException)
        {
            return "an unreadable ConnectionStrings:DataCenterOps";
        }
    }
}
