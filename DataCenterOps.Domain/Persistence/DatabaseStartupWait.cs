using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DataCenterOps.Domain.Persistence;

/// <summary>
/// Before migrating: a node whose PostgreSQL is down (or still starting, or failing over) waits, logs one line per
/// attempt, and goes on when the server answers. A database that does not exist yet counts as reachable (the
/// migration creates it); a refused login or another server error stops the start at once, with its message.
/// SQLite is a file beside the app: nothing to wait for.
/// </summary>
public sealed partial class DatabaseStartupWait(IOptions<StorageOptions> options, TimeProvider time, ILogger<DatabaseStartupWait> logger)
{
    public async Task WaitAsync(CancellationToken cancellationToken = default)
    {
        var storage = options.Value;
        if (!storage.IsPostgreSql)
        {
            return;
        }

        var target = PostgreSqlTarget.Describe(storage.PostgreSqlConnectionString);
        var builder = new NpgsqlConnectionStringBuilder(storage.PostgreSqlConnectionString) { Pooling = false };
        for (var attempt = 1; ; attempt++)
        {
            var reason = await TryConnectAsync(builder.ConnectionString, cancellationToken);
            if (reason is null)
            {
                if (attempt > 1)
                {
                    LogReachable(target, attempt);
                }

                return;
            }

            LogWaiting(target, reason, attempt, storage.StartupRetryDelay.TotalSeconds);
            await Task.Delay(storage.StartupRetryDelay, time, cancellationToken);
        }
    }

    /// <summary>Null when the server answered; otherwise why not (never the password).</summary>
    private static async Task<string?> TryConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return null;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
                                           or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown)
        {
            return ex.MessageText;
        }
        catch (NpgsqlException ex) when (ex is not PostgresException)
        {
            return ex.InnerException?.Message ?? ex.Message;
        }
        catch (TimeoutException ex)
        {
            return ex.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Database not reachable: PostgreSQL at {Target} ({Reason}); attempt {Attempt}, retrying in {DelaySeconds} s (Storage:StartupRetryDelay).")]
    private partial void LogWaiting(string target, string reason, int attempt, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database reachable: PostgreSQL at {Target} answered on attempt {Attempt}.")]
    private partial void LogReachable(string target, int attempt);
}
