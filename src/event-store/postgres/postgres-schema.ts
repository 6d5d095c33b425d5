import type { Pool } from 'pg';

/**
 * The log in PostgreSQL, created on first start and versioned: `storyline_schema` holds the
 * version applied; each later version is one more entry in MIGRATIONS, applied in order under a
 * lock so instances starting together do not race.
 *
 * `position` is an identity (bigint), taken only while the append lock is held (see
 * storyline_append), so positions commit in the order they are taken: a reader that sees
 * position p has already seen every committed position below it.
 */
/** The advisory lock key of appends (any constant: 'slev' in ASCII). */
export const APPEND_LOCK = 0x736c6576;
/** The advisory lock key of schema changes ('slsc'). */
const SCHEMA_LOCK = 0x736c7363;
/** The channel appends notify, with the last position as payload. */
export const NOTIFY_CHANNEL = 'storyline_events';

const MIGRATIONS: readonly string[] = [
  `
CREATE TABLE storyline_events (
  position  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id text   NOT NULL,
  revision  bigint NOT NULL CHECK (revision >= 0),
  event_id  text   NOT NULL,
  type      text   NOT NULL,
  data      json   NOT NULL,
  metadata  json   NOT NULL,
  UNIQUE (stream_id, revision),
  UNIQUE (stream_id, event_id)
);
CREATE INDEX storyline_events_stream_position ON storyline_events (stream_id, position);

-- One append, atomically, in one round trip. The advisory lock serialises appends from every
-- instance, and is released only after the commit is visible: positions become visible in order.
CREATE FUNCTION storyline_append(
  p_stream text, p_expected text, p_ids text[], p_types text[], p_data text[], p_metadata text[]
) RETURNS TABLE (out_outcome text, out_revision bigint, out_position bigint, out_stored text[])
LANGUAGE plpgsql AS $$
DECLARE
  v_found  int;
  v_actual bigint;
  v_ok     boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(${APPEND_LOCK});
  SELECT count(*) INTO v_found FROM storyline_events e
    WHERE e.stream_id = p_stream AND e.event_id = ANY (p_ids);
  IF v_found = cardinality(p_ids) THEN
    RETURN QUERY SELECT 'retry'::text, e.revision, e.position, NULL::text[]
      FROM storyline_events e WHERE e.stream_id = p_stream AND e.event_id = ANY (p_ids)
      ORDER BY e.revision DESC LIMIT 1;
    RETURN;
  ELSIF v_found > 0 THEN
    RETURN QUERY SELECT 'mismatch'::text, NULL::bigint, NULL::bigint,
      array_agg(e.event_id ORDER BY e.revision)
      FROM storyline_events e WHERE e.stream_id = p_stream AND e.event_id = ANY (p_ids);
    RETURN;
  END IF;
  SELECT coalesce(max(e.revision), -1) INTO v_actual FROM storyline_events e
    WHERE e.stream_id = p_stream;
  v_ok := CASE p_expected
    WHEN 'any' THEN true
    WHEN 'no_stream' THEN v_actual = -1
    WHEN 'exists' THEN v_actual >= 0
    ELSE p_expected::bigint = v_actual
  END;
  IF NOT v_ok THEN
    RETURN QUERY SELECT 'conflict'::text, v_actual, NULL::bigint, NULL::text[];
    RETURN;
  END IF;
  FOR i IN 1 .. cardinality(p_ids) LOOP
    INSERT INTO storyline_events AS e (stream_id, revision, event_id, type, data, metadata)
      VALUES (p_stream, v_actual + i, p_ids[i], p_types[i], p_data[i]::json, p_metadata[i]::json)
      RETURNING e.revision, e.position INTO out_revision, out_position;
  END LOOP;
  PERFORM pg_notify('${NOTIFY_CHANNEL}', out_position::text);
  RETURN QUERY SELECT 'ok'::text, out_revision, out_position, NULL::text[];
END
$$;
`,
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

export class SchemaTooNew extends Error {
  override readonly name = 'SchemaTooNew';
}

/** Creates or upgrades the schema; safe to call from several instances at once. */
export async function ensureSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS storyline_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM storyline_schema',
    );
    const current = rows[0]?.version ?? 0;
    if (current > SCHEMA_VERSION)
      throw new SchemaTooNew(
        `the PostgreSQL schema is at version ${current}; this storyline knows up to ${SCHEMA_VERSION}`,
      );
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      await client.query(MIGRATIONS[version - 1]);
      await client.query('INSERT INTO storyline_schema (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
