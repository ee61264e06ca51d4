namespace DataCenterOps.Monitoring.History;

/// <summary>
/// The monitoring.db schema. Times are Unix milliseconds (UTC). Rollups keep sum and count so an hour's average is
/// exact over its minutes, and so that each batch adds its own aggregates to them (UPSERT) in its own transaction. alarm_events is the alarm audit trail: triggers refuse UPDATE and DELETE.
/// </summary>
internal static class MonitoringSchema
{
    public const string Sql = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS series (
            id INTEGER PRIMARY KEY,
            device_id TEXT NOT NULL,
            point TEXT NOT NULL,
            unit TEXT NOT NULL DEFAULT '',
            UNIQUE (device_id, point));
        -- Clustered on (series, time): one point's week is one contiguous range of the table itself, and an insert
        -- touches one B-tree (no rowid table, no index beside it). A database from before it is migrated by
        -- MonitoringSchemaMigration (user_version 1); the same reading (series, millisecond) is stored once.
        CREATE TABLE IF NOT EXISTS samples (
            series_id INTEGER NOT NULL,
            ts INTEGER NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (series_id, ts)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS rollup_minute (
            series_id INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            min REAL NOT NULL,
            max REAL NOT NULL,
            sum REAL NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (series_id, bucket)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS rollup_hour (
            series_id INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            min REAL NOT NULL,
            max REAL NOT NULL,
            sum REAL NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (series_id, bucket)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS rollup_state (
            name TEXT PRIMARY KEY,
            watermark INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS alarms (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            alarm_key TEXT NOT NULL,
            severity TEXT NOT NULL,
            message TEXT NOT NULL,
            raised_at INTEGER NOT NULL,
            acknowledged_by TEXT,
            acknowledged_at INTEGER,
            ack_comment TEXT,
            cleared_at INTEGER,
            message_key TEXT,
            message_args TEXT);
        CREATE INDEX IF NOT EXISTS ix_alarms_raised ON alarms (raised_at);
        CREATE INDEX IF NOT EXISTS ix_alarms_open ON alarms (cleared_at) WHERE cleared_at IS NULL;
        CREATE TABLE IF NOT EXISTS alarm_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            alarm_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            alarm_key TEXT NOT NULL,
            event TEXT NOT NULL,
            severity TEXT NOT NULL,
            actor TEXT NOT NULL,
            at_utc INTEGER NOT NULL,
            comment TEXT);
        CREATE INDEX IF NOT EXISTS ix_alarm_events_alarm ON alarm_events (alarm_id);
        CREATE TRIGGER IF NOT EXISTS alarm_events_no_update BEFORE UPDATE ON alarm_events
            BEGIN SELECT RAISE(ABORT, 'alarm_events is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS alarm_events_no_delete BEFORE DELETE ON alarm_events
            BEGIN SELECT RAISE(ABORT, 'alarm_events is append-only'); END;
        """;

    /// <summary>Columns added after the first release: (table, column, definition), added when a database lacks them.</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("alarms", "message_key", "TEXT"),
        ("alarms", "message_args", "TEXT"),
        ("alarms", "ack_name", "TEXT"),
    ];
}
