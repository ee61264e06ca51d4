namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Alarms in the shared PostgreSQL database (schema <c>monitoring</c>). The partial unique index allows one active
/// (not cleared) alarm per device and key across all nodes; <c>alarm_events</c> is the append-only audit trail, and
/// each stored change is announced on <see cref="Channel"/> with its event's <c>seq</c>.
/// </summary>
internal static class PostgreSqlAlarmSchema
{
    /// <summary>The NOTIFY channel of alarm changes.</summary>
    public const string Channel = "dcops_alarms";

    public const string Sql = """
        CREATE SCHEMA IF NOT EXISTS monitoring;
        CREATE TABLE IF NOT EXISTS monitoring.alarms (
            id uuid PRIMARY KEY,
            device_id text NOT NULL,
            alarm_key text NOT NULL,
            severity text NOT NULL,
            message text NOT NULL,
            raised_at timestamptz NOT NULL,
            acknowledged_by text,
            acknowledged_at timestamptz,
            ack_comment text,
            ack_name text,
            cleared_at timestamptz,
            message_key text,
            message_args jsonb);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_alarms_one_active ON monitoring.alarms (device_id, alarm_key) WHERE cleared_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_alarms_raised ON monitoring.alarms (raised_at);
        CREATE TABLE IF NOT EXISTS monitoring.alarm_events (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            alarm_id uuid NOT NULL,
            device_id text NOT NULL,
            alarm_key text NOT NULL,
            event text NOT NULL,
            severity text NOT NULL,
            actor text NOT NULL,
            at_utc timestamptz NOT NULL,
            comment text,
            node text NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_alarm_events_alarm ON monitoring.alarm_events (alarm_id);
        CREATE OR REPLACE FUNCTION monitoring.alarm_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'alarm_events is append-only';
        END $$;
        CREATE OR REPLACE TRIGGER alarm_events_append_only BEFORE UPDATE OR DELETE ON monitoring.alarm_events
            FOR EACH ROW EXECUTE FUNCTION monitoring.alarm_events_append_only();
        CREATE OR REPLACE TRIGGER alarm_events_no_truncate BEFORE TRUNCATE ON monitoring.alarm_events
            FOR EACH STATEMENT EXECUTE FUNCTION monitoring.alarm_events_append_only();
        """;
}
