namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// The incident tables, created idempotently by their stores on first use: in monitoring.db (<see cref="Sqlite"/>,
/// times in Unix milliseconds) and in the shared database's schema <c>monitoring</c> (<see cref="PostgreSql"/>).
/// Notes are records (comments people made): both refuse UPDATE and DELETE.
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
