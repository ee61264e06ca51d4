namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// The incident tables, created idempotently by their stores on first use: in monitoring.db (<see cref="Sqlite"/>,
/// times in Unix milliseconds) and in the shared database's schema <c>monitoring</c> (<see cref="PostgreSql"/>).
/// Notes are records (comments people made): both refuse UPDATE and DELETE. One open incident per rule and site
/// (<c>ux_incidents_one_open</c>, like the one active alarm per device and key), joined by whichever node raises a
/// child; the <c>notified_*</c> flags let exactly one node send each of its notices.
/// </summary>
internal static class IncidentSchemas
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS incidents (
            id TEXT PRIMARY KEY,
            rule TEXT NOT NULL,
            category TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            closed_at INTEGER,
            severity TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_incidents_opened ON incidents (opened_at);
        CREATE TABLE IF NOT EXISTS incident_alarms (
            incident_id TEXT NOT NULL,
            alarm_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (incident_id, alarm_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS incident_notes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            incident_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            at_utc INTEGER NOT NULL,
            actor TEXT NOT NULL,
            actor_name TEXT,
            text TEXT,
            alarm_id TEXT);
        CREATE INDEX IF NOT EXISTS ix_incident_notes_incident ON incident_notes (incident_id);
        CREATE TRIGGER IF NOT EXISTS incident_notes_no_update BEFORE UPDATE ON incident_notes
            BEGIN SELECT RAISE(ABORT, 'incident_notes is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS incident_notes_no_delete BEFORE DELETE ON incident_notes
            BEGIN SELECT RAISE(ABORT, 'incident_notes is append-only'); END;
        """;

    /// <summary>Columns added after the first release (SQLite has no ADD COLUMN IF NOT EXISTS): table, column, definition.</summary>
    public static readonly (string Table, string Column, string Definition)[] SqliteAddedColumns =
    [
        ("incidents", "site", "TEXT NOT NULL DEFAULT ''"),
        ("incidents", "notified_opened", "INTEGER NOT NULL DEFAULT 0"),
        ("incidents", "notified_resolved", "INTEGER NOT NULL DEFAULT 0"),
        ("incidents", "notified_escalated", "INTEGER NOT NULL DEFAULT 0"),
    ];

    /// <summary>After the columns: open duplicates left by older versions are closed (the oldest stays open), then the constraint.</summary>
    public const string SqliteOneOpen = """
        UPDATE incidents SET closed_at = opened_at
        WHERE closed_at IS NULL AND EXISTS (
            SELECT 1 FROM incidents o WHERE o.closed_at IS NULL AND o.rule = incidents.rule AND o.site = incidents.site
              AND (o.opened_at < incidents.opened_at OR (o.opened_at = incidents.opened_at AND o.id < incidents.id)));
        CREATE UNIQUE INDEX IF NOT EXISTS ux_incidents_one_open ON incidents (rule, site) WHERE closed_at IS NULL;
        """;

    public const string PostgreSql = """
        CREATE SCHEMA IF NOT EXISTS monitoring;
        CREATE TABLE IF NOT EXISTS monitoring.incidents (
            id uuid PRIMARY KEY,
            rule text NOT NULL,
            category text NOT NULL,
            opened_at timestamptz NOT NULL,
            closed_at timestamptz,
            severity text NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_incidents_opened ON monitoring.incidents (opened_at);
        ALTER TABLE monitoring.incidents ADD COLUMN IF NOT EXISTS site text NOT NULL DEFAULT '';
        ALTER TABLE monitoring.incidents ADD COLUMN IF NOT EXISTS notified_opened boolean NOT NULL DEFAULT false;
        ALTER TABLE monitoring.incidents ADD COLUMN IF NOT EXISTS notified_resolved boolean NOT NULL DEFAULT false;
        ALTER TABLE monitoring.incidents ADD COLUMN IF NOT EXISTS notified_escalated boolean NOT NULL DEFAULT false;
        UPDATE monitoring.incidents i SET closed_at = i.opened_at
        WHERE i.closed_at IS NULL AND EXISTS (
            SELECT 1 FROM monitoring.incidents o WHERE o.closed_at IS NULL AND o.rule = i.rule AND o.site = i.site
              AND (o.opened_at < i.opened_at OR (o.opened_at = i.opened_at AND o.id < i.id)))
          AND NOT EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = 'monitoring' AND indexname = 'ux_incidents_one_open');
        CREATE UNIQUE INDEX IF NOT EXISTS ux_incidents_one_open ON monitoring.incidents (rule, site) WHERE closed_at IS NULL;
        CREATE TABLE IF NOT EXISTS monitoring.incident_alarms (
            incident_id uuid NOT NULL,
            alarm_id uuid NOT NULL,
            position integer NOT NULL,
            PRIMARY KEY (incident_id, alarm_id));
        CREATE TABLE IF NOT EXISTS monitoring.incident_notes (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            incident_id uuid NOT NULL,
            kind text NOT NULL,
            at_utc timestamptz NOT NULL,
            actor text NOT NULL,
            actor_name text,
            text text,
            alarm_id uuid);
        CREATE INDEX IF NOT EXISTS ix_incident_notes_incident ON monitoring.incident_notes (incident_id);
        CREATE OR REPLACE FUNCTION monitoring.incident_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'incident_notes is append-only';
        END $$;
        CREATE OR REPLACE TRIGGER incident_notes_append_only BEFORE UPDATE OR DELETE ON monitoring.incident_notes
            FOR EACH ROW EXECUTE FUNCTION monitoring.incident_notes_append_only();
        CREATE OR REPLACE TRIGGER incident_notes_no_truncate BEFORE TRUNCATE ON monitoring.incident_notes
            FOR EACH STATEMENT EXECUTE FUNCTION monitoring.incident_notes_append_only();
        """;
}
