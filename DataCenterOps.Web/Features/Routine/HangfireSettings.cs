using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Features.Routine;

/// <summary>Section "Hangfire": the job server and its storage (SQLite: a file of its own beside the app database; PostgreSQL: a schema of the app database).</summary>
public sealed class HangfireSettings
{
    public const string SectionName = "Hangfire";

    /// <summary>False: no storage, no server, no dashboard (tests and secondary hosts).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>File name under Storage:DataDirectory, or an absolute path.</summary>
    [Required]
    public string StorageFile { get; set; } = "hangfire.db";

    /// <summary>Hangfire.Storage.SQLite polls its queue (default 15 s, which fires jobs in bursts).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the server moves due scheduled jobs (and retries) to the queue.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>With Storage:Provider PostgreSql: Hangfire's tables live in this schema of the app database.</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]*$")]
    public string PostgreSqlSchema { get; set; } = "hangfire";

    [Range(1, 20)]
    public int WorkerCount { get; set; } = 2;

    [Required]
    [RegularExpression("^/[A-Za-z0-9/_-]*$")]
    public string DashboardPath { get; set; } = "/hangfire";
}
