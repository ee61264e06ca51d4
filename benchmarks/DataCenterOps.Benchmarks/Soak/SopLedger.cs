using Microsoft.Data.Sqlite;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>
/// What dcops.db holds of the access register, read from outside the app on a read-only connection (WAL: committed rows
/// only): whether every transition the soak drove is there whole or not at all.
/// </summary>
internal sealed class SopLedger(string dataDirectory)
{
    /// <summary>Each rule a transition must keep, as SQL counting the rows that break it (0 = all or nothing held).</summary>
    private static readonly (string Rule, string Sql)[] Rules =
    [
        ("entry without its AccessEntered audit row", """
            SELECT COUNT(*) FROM AccessEntries e WHERE NOT EXISTS (SELECT 1 FROM AuditEntries a
              WHERE a.Action = 'AccessEntered' AND a.EntityType = 'AccessEntry' AND lower(a.EntityId) = lower(e.Id))
            """),
        ("AccessEntered audit row without its entry", """
            SELECT COUNT(*) FROM AuditEntries a WHERE a.Action = 'AccessEntered' AND a.EntityType = 'AccessEntry'
              AND NOT EXISTS (SELECT 1 FROM AccessEntries e WHERE lower(e.Id) = lower(a.EntityId))
            """),
        ("exit recorded without its AccessExited audit row", """
            SELECT COUNT(*) FROM AccessEntries e WHERE e.OutAtUtc IS NOT NULL AND NOT EXISTS (SELECT 1 FROM AuditEntries a
              WHERE a.Action = 'AccessExited' AND a.EntityType = 'AccessEntry' AND lower(a.EntityId) = lower(e.Id))
            """),
        ("AccessExited audit row without an exit (or without an entry)", """
            SELECT COUNT(*) FROM AuditEntries a WHERE a.Action = 'AccessExited' AND a.EntityType = 'AccessEntry'
              AND NOT EXISTS (SELECT 1 FROM AccessEntries e WHERE lower(e.Id) = lower(a.EntityId) AND e.OutAtUtc IS NOT NULL)
            """),
        ("status Left without an exit time, or an exit time while Inside", """
            SELECT COUNT(*) FROM AccessEntries WHERE (Status = 'Left' AND OutAtUtc IS NULL) OR (Status = 'Inside' AND OutAtUtc IS NOT NULL)
            """),
        ("entry on a one-off grant the grant does not name as used", """
            SELECT COUNT(*) FROM AccessEntries e WHERE e.Basis = 'OneOffGrant'
              AND NOT EXISTS (SELECT 1 FROM AccessGrants g WHERE g.Id = e.GrantId AND g.UsedByEntryId = e.Id AND g.UsedAtUtc IS NOT NULL)
            """),
        ("grant marked used without its entry", """
            SELECT COUNT(*) FROM AccessGrants g WHERE g.UsedByEntryId IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM AccessEntries e WHERE e.Id = g.UsedByEntryId AND e.GrantId = g.Id)
            """),
        ("visitor inside whose escort has left (escort and visitors leave in one save)", """
            SELECT COUNT(*) FROM AccessEntries v JOIN AccessEntries s ON s.Id = v.EscortEntryId
            WHERE v.Kind = 'Visitor' AND v.Status = 'Inside' AND s.Status <> 'Inside'
            """),
        ("visitor who left with the escort at another moment", """
            SELECT COUNT(*) FROM AccessEntries v JOIN AccessEntries s ON s.Id = v.EscortEntryId
            WHERE v.Kind = 'Visitor' AND v.OutAtUtc IS NOT NULL AND s.OutAtUtc IS NOT NULL AND v.OutAtUtc <> s.OutAtUtc
            """),
        ("refusal without its AccessRefused audit row", """
            SELECT COUNT(*) FROM AccessRefusals r WHERE NOT EXISTS (SELECT 1 FROM AuditEntries a
              WHERE a.Action = 'AccessRefused' AND a.EntityType = 'AccessRefusal' AND lower(a.EntityId) = lower(r.Id))
            """),
        ("AccessRefused audit row without its refusal", """
            SELECT COUNT(*) FROM AuditEntries a WHERE a.Action = 'AccessRefused' AND a.EntityType = 'AccessRefusal'
              AND NOT EXISTS (SELECT 1 FROM AccessRefusals r WHERE lower(r.Id) = lower(a.EntityId))
            """),
    ];

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "dcops.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Every rule broken, with how many rows break it (empty: every transition is all or nothing).</summary>
    public List<(string Rule, long Rows)> HalfDone()
    {
        using var connection = Open();
        var broken = new List<(string, long)>();
        foreach (var (rule, sql) in Rules)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) is var rows and > 0)
            {
                broken.Add((rule, rows));
            }
        }

        return broken;
    }

    /// <summary>Of the entries the app acknowledged (201), those not in the database.</summary>
    public int MissingEntries(IEnumerable<Guid> acknowledged) =>
        acknowledged.Count(id => Scalar("SELECT COUNT(*) FROM AccessEntries WHERE lower(Id) = $id", id) == 0);

    /// <summary>Of the exits the app acknowledged (200, every entry it closed), those whose entry is not recorded as left.</summary>
    public int MissingExits(IEnumerable<Guid> acknowledged) =>
        acknowledged.Count(id => Scalar("SELECT COUNT(*) FROM AccessEntries WHERE lower(Id) = $id AND Status = 'Left' AND OutAtUtc IS NOT NULL", id) == 0);

    /// <summary>Of the refusals the app answered (409 NoValidAuthorisation), how many rows the register holds in all.</summary>
    public long Refusals() => Scalar("SELECT COUNT(*) FROM AccessRefusals", null);

    /// <summary>The Identity user id of a (demo) user, by e-mail.</summary>
    public string UserId(string email)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM AspNetUsers WHERE NormalizedEmail = upper($email)";
        command.Parameters.AddWithValue("$email", email);
        return command.ExecuteScalar() as string ?? throw new InvalidOperationException($"No user {email} (is Bootstrap:SeedDemoData on?).");
    }

    private long Scalar(string sql, Guid? id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (id is { } value)
        {
            command.Parameters.AddWithValue("$id", value.ToString());
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
