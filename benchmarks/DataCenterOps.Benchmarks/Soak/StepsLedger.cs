using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>
/// What dcops.db holds of the six SOP steps, read from outside the app on a read-only connection (WAL: committed rows
/// only): where a Surat Tugas's work stands, and whether every step transition is there whole or not at all.
/// </summary>
internal sealed class StepsLedger(string dataDirectory)
{
    /// <summary>Each rule a step transition must keep, as SQL counting the rows that break it (0 = all or nothing held).</summary>
    private static readonly (string Rule, string Sql)[] Rules =
    [
        ("letter issued without its number, or numbered while a draft", """
            SELECT COUNT(*) FROM AssignmentLetters WHERE (State = 'LetterDraft' AND Number IS NOT NULL)
              OR (State <> 'LetterDraft' AND State <> 'Revoked' AND Number IS NULL)
            """),
        ("letter issued without exactly one LetterIssued audit row", """
            SELECT COUNT(*) FROM AssignmentLetters l WHERE l.Number IS NOT NULL AND (SELECT COUNT(*) FROM AuditEntries a
              WHERE a.Action = 'LetterIssued' AND lower(a.EntityId) = lower(l.Id)) <> 1
            """),
        ("LetterIssued audit row on a letter still a draft", """
            SELECT COUNT(*) FROM AuditEntries a JOIN AssignmentLetters l ON lower(l.Id) = lower(a.EntityId)
            WHERE a.Action = 'LetterIssued' AND l.State = 'LetterDraft'
            """),
        ("Rencana Kerja without exactly one PlanCreated audit row", """
            SELECT COUNT(*) FROM WorkPlans p WHERE (SELECT COUNT(*) FROM AuditEntries a
              WHERE a.Action = 'PlanCreated' AND lower(a.EntityId) = lower(p.Id)) <> 1
            """),
        ("plan item without its PlanItemAdded audit row", """
            SELECT COUNT(*) FROM WorkPlanItems i WHERE NOT EXISTS (SELECT 1 FROM AuditEntries a
              WHERE a.Action = 'PlanItemAdded' AND lower(a.EntityId) = lower(i.PlanId) AND a.AfterJson LIKE '%' || lower(i.Id) || '%' COLLATE NOCASE)
            """),
        ("plan published without its publication time, audit row or a checklist for every item", """
            SELECT COUNT(*) FROM WorkPlans p WHERE p.State <> 'Planning' AND (p.PublishedAtUtc IS NULL
              OR (SELECT COUNT(*) FROM AuditEntries a WHERE a.Action = 'PlanPublished' AND lower(a.EntityId) = lower(p.Id)) <> 1
              OR EXISTS (SELECT 1 FROM WorkPlanItems i WHERE i.PlanId = p.Id
                         AND NOT EXISTS (SELECT 1 FROM ChecklistExecutions e WHERE e.WorkPlanItemId = i.Id)))
            """),
        ("plan still in planning with a publication time, a PlanPublished row or a checklist", """
            SELECT COUNT(*) FROM WorkPlans p WHERE p.State = 'Planning' AND (p.PublishedAtUtc IS NOT NULL
              OR EXISTS (SELECT 1 FROM AuditEntries a WHERE a.Action = 'PlanPublished' AND lower(a.EntityId) = lower(p.Id))
              OR EXISTS (SELECT 1 FROM WorkPlanItems i JOIN ChecklistExecutions e ON e.WorkPlanItemId = i.Id WHERE i.PlanId = p.Id))
            """),
        ("checklist completed without its finish time or ChecklistCompleted audit row", """
            SELECT COUNT(*) FROM ChecklistExecutions e WHERE e.Status = 'Completed' AND (e.FinishedAtUtc IS NULL
              OR NOT EXISTS (SELECT 1 FROM AuditEntries a WHERE a.Action = 'ChecklistCompleted' AND lower(a.EntityId) = lower(e.Id)))
            """),
        ("Laporan whose revision is not its number of submissions and ReportSubmitted audit rows", """
            SELECT COUNT(*) FROM MaintenanceReports r WHERE r.Revision <> (SELECT COUNT(*) FROM ReportSubmissions s WHERE s.ReportId = r.Id)
              OR r.Revision <> (SELECT COUNT(*) FROM AuditEntries a WHERE a.Action = 'ReportSubmitted' AND lower(a.EntityId) = lower(r.Id))
            """),
        ("submission while the plan is not past execution", """
            SELECT COUNT(*) FROM MaintenanceReports r JOIN WorkPlans p ON p.Id = r.WorkPlanId
            WHERE p.State IN ('Planning', 'InExecution')
            """),
        ("review without its ReportApproved/ReportReturned audit row, or the reverse", """
            SELECT COUNT(*) FROM MaintenanceReports r WHERE (SELECT COUNT(*) FROM ReportReviews v WHERE v.ReportId = r.Id)
              <> (SELECT COUNT(*) FROM AuditEntries a WHERE a.Action IN ('ReportApproved', 'ReportReturned') AND lower(a.EntityId) = lower(r.Id))
            """),
        ("plan approved or archived without an approving review, or approved review on a plan in review", """
            SELECT COUNT(*) FROM WorkPlans p JOIN MaintenanceReports r ON r.WorkPlanId = p.Id
            WHERE (p.State IN ('Approved', 'Archived')) <> EXISTS (SELECT 1 FROM ReportReviews v WHERE v.ReportId = r.Id AND v.Decision = 'Approved')
            """),
        ("archived report without its plan archived and one ReportArchived audit row, or the reverse", """
            SELECT COUNT(*) FROM WorkPlans p JOIN MaintenanceReports r ON r.WorkPlanId = p.Id
            WHERE (p.State = 'Archived') <> EXISTS (SELECT 1 FROM ArchivedReports x WHERE x.WorkPlanId = p.Id)
              OR (p.State = 'Archived') <> ((SELECT COUNT(*) FROM AuditEntries a WHERE a.Action = 'ReportArchived' AND lower(a.EntityId) = lower(r.Id)) = 1)
            """),
    ];

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "dcops.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Every rule broken, with how many rows break it (empty: every step transition is all or nothing).</summary>
    public List<(string Rule, long Rows)> HalfDone()
    {
        using var connection = Open();
        var broken = new List<(string, long)>();
        foreach (var (rule, sql) in Rules)
        {
            if (Scalar(connection, sql, null) is var rows and > 0)
            {
                broken.Add((rule, rows));
            }
        }

        return broken;
    }

    /// <summary>Where the work on one Surat Tugas stands, as its ids and states in the database.</summary>
    public StepsProgress Progress(Guid letterId)
    {
        using var connection = Open();
        var planId = Id(connection, "SELECT Id FROM WorkPlans WHERE lower(LetterId) = $id", letterId);
        return new StepsProgress(
            letterId,
            Text(connection, "SELECT State FROM AssignmentLetters WHERE lower(Id) = $id", letterId),
            planId,
            planId is { } p ? Text(connection, "SELECT State FROM WorkPlans WHERE lower(Id) = $id", p) : null,
            planId is { } p1 ? (int)Scalar(connection, "SELECT COUNT(*) FROM WorkPlanItems WHERE lower(PlanId) = $id", p1) : 0,
            planId is { } p2 ? Id(connection, "SELECT e.Id FROM ChecklistExecutions e JOIN WorkPlanItems i ON i.Id = e.WorkPlanItemId WHERE lower(i.PlanId) = $id", p2) : null,
            planId is { } p3 ? Text(connection, "SELECT e.Status FROM ChecklistExecutions e JOIN WorkPlanItems i ON i.Id = e.WorkPlanItemId WHERE lower(i.PlanId) = $id", p3) : null,
            planId is { } p4 ? Id(connection, "SELECT Id FROM MaintenanceReports WHERE lower(WorkPlanId) = $id", p4) : null,
            planId is { } p5 && Scalar(connection, "SELECT COUNT(*) FROM ArchivedReports WHERE lower(WorkPlanId) = $id", p5) > 0);
    }

    /// <summary>The newest archived report's id (its page shows the integrity state).</summary>
    public long? ArchiveId(Guid planId)
    {
        using var connection = Open();
        return Scalar(connection, "SELECT COALESCE(MAX(Id), 0) FROM ArchivedReports WHERE lower(WorkPlanId) = $id", planId) is > 0 and var id ? id : null;
    }

    private static long Scalar(SqliteConnection connection, string sql, Guid? id) =>
        Convert.ToInt64(Command(connection, sql, id).ExecuteScalar(), CultureInfo.InvariantCulture);

    private static string? Text(SqliteConnection connection, string sql, Guid id) => Command(connection, sql, id).ExecuteScalar() as string;

    private static Guid? Id(SqliteConnection connection, string sql, Guid id) =>
        Command(connection, sql, id).ExecuteScalar() is string text ? Guid.Parse(text) : null;

    private static SqliteCommand Command(SqliteConnection connection, string sql, Guid? id)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (id is { } value)
        {
            command.Parameters.AddWithValue("$id", value.ToString());
        }

        return command;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
