namespace DataCenterOps.Monitoring.History;

/// <summary>
/// History's tables in schema <c>monitoring</c> of the shared PostgreSQL database, created idempotently at start (under an
/// advisory lock, so nodes starting together do not race). Raw samples and 1-minute rollups are partitioned by UTC day
/// (declarative <c>PARTITION BY RANGE</c>), with no default partition: <see cref="EnsurePartitionFunction"/> creates a
/// day's partition ahead (maintenance) or on demand (the writer, before a batch that needs it), and retention drops
/// whole partitions. 1-hour rollups are few and kept in one table. Rollups keep sum and count so an hour's average is
/// exact over its minutes.
/// </summary>
internal static class PostgresHistorySchema
{
    public const string Schema = "monitoring";
    public const string Samples = "history_samples";
    public const string Minutes = "history_minute";
    public const string Hours = "history_hour";

    /// <summary>Key of the advisory locks that serialise schema changes (and partition creation) across nodes.</summary>
    public const long SchemaLockKey = 0x64636f7073_01;

    /// <summary>Key of the advisory lock one rollup run holds, so two nodes never roll up at once.</summary>
    public const long RollupLockKey = 0x64636f7073_02;

    /// <summary>The partitioned tables and how they are named: <c>history_samples_20260301</c> holds 1 March 2026 (UTC).</summary>
    public static readonly IReadOnlyList<string> PartitionedTables = [Samples, Minutes];

    /// <summary>
    /// <c>monitoring.history_ensure_partition(table, day)</c>: creates the day's partition of a partitioned history table
    /// if it is missing. Safe to call from many nodes at once (advisory lock, then a second look).
    /// </summary>
    public static readonly string EnsurePartitionFunction = $$"""
        CREATE OR REPLACE FUNCTION {{Schema}}.history_ensure_partition(parent text, day date) RETURNS boolean
        LANGUAGE plpgsql AS $fn$
        DECLARE
            child text := parent || '_' || to_char(day, 'YYYYMMDD');
        BEGIN
            IF parent NOT IN ('{{Samples}}', '{{Minutes}}') THEN
                RAISE EXCEPTION 'not a partitioned history table: %', parent;
            END IF;
            IF to_regclass(format('%I.%I', '{{Schema}}', child)) IS NOT NULL THEN
                RETURN false;
            END IF;
            PERFORM pg_advisory_xact_lock({{SchemaLockKey}});
            IF to_regclass(format('%I.%I', '{{Schema}}', child)) IS NOT NULL THEN
                RETURN false;
            END IF;
            EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                '{{Schema}}', child, '{{Schema}}', parent,
                (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
            RETURN true;
        END
        $fn$;
        """;

    public static readonly string Sql = $"""
        SELECT pg_advisory_xact_lock({SchemaLockKey});
        CREATE SCHEMA IF NOT EXISTS {Schema};
        CREATE TABLE IF NOT EXISTS {Schema}.history_series (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            device_id text NOT NULL,
            point text NOT NULL,
            unit text NOT NULL DEFAULT '',
            UNIQUE (device_id, point));
        CREATE TABLE IF NOT EXISTS {Schema}.{Samples} (
            series_id bigint NOT NULL,
            ts timestamptz NOT NULL,
            value double precision NOT NULL) PARTITION BY RANGE (ts);
        -- Covering indexes: a chart of one series is an index-only scan (rows of one series are spread over every page of
        -- a table filled in time order). The samples' one replaces the older (series_id, ts) index.
        CREATE INDEX IF NOT EXISTS ix_history_samples_series_ts_value ON {Schema}.{Samples} (series_id, ts) INCLUDE (value);
        DROP INDEX IF EXISTS {Schema}.ix_history_samples_series_ts;
        CREATE TABLE IF NOT EXISTS {Schema}.{Minutes} (
            series_id bigint NOT NULL,
            bucket timestamptz NOT NULL,
            min double precision NOT NULL,
            max double precision NOT NULL,
            sum double precision NOT NULL,
            count bigint NOT NULL,
            PRIMARY KEY (series_id, bucket)) PARTITION BY RANGE (bucket);
        CREATE INDEX IF NOT EXISTS ix_history_minute_cover ON {Schema}.{Minutes} (series_id, bucket) INCLUDE (min, max, sum, count);
        CREATE TABLE IF NOT EXISTS {Schema}.{Hours} (
            series_id bigint NOT NULL,
            bucket timestamptz NOT NULL,
            min double precision NOT NULL,
            max double precision NOT NULL,
            sum double precision NOT NULL,
            count bigint NOT NULL,
            PRIMARY KEY (series_id, bucket));
        CREATE INDEX IF NOT EXISTS ix_history_hour_cover ON {Schema}.{Hours} (series_id, bucket) INCLUDE (min, max, sum, count);
        CREATE TABLE IF NOT EXISTS {Schema}.history_rollup_state (
            name text PRIMARY KEY,
            watermark timestamptz NOT NULL);
        {EnsurePartitionFunction}
        """;

    /// <summary>The partitions of the history tables with the UTC day each holds.</summary>
    public const string ListPartitions = $"""
        SELECT parent.relname, child.relname
        FROM pg_inherits i
        JOIN pg_class child ON child.oid = i.inhrelid
        JOIN pg_class parent ON parent.oid = i.inhparent
        JOIN pg_namespace n ON n.oid = parent.relnamespace
        WHERE n.nspname = '{Schema}' AND parent.relname IN ('{Samples}', '{Minutes}')
        """;
}
