/**
 * The ledger's first schema.
 *
 * events: one row per billable request. Rows get sequential ids (appends touch the last page only) and a
 * UNIQUE 53-bit hash of the adapter's dedupe key (a small integer index entry: far cheaper than a UNIQUE
 * text index, or than a random primary key that scatters whole rows); the text is kept to resolve the rare
 * hash collision by probing. For events with a vendor message id the hash's high 32 bits hash the message
 * id, so the same UNIQUE index finds all requests of one message by range (the sidechain-replay rule)
 * without a second index. Events are never deleted because their source file disappeared: the ledger is
 * the user's lifetime history.
 *
 * rollup_q15: quarter-hour × provider × account × project × model × prompt-size bucket. Quarter hours
 * (not hours) so days can be cut in any real time zone, including +05:30 and +05:45.
 * session_rollup: the same per session and UTC day, for drilldowns.
 * Both are kept in step with events in the same transaction, so reports never scan raw events.
 */
export const sql = `
CREATE TABLE events (
  id              INTEGER PRIMARY KEY,
  key_hash        INTEGER NOT NULL UNIQUE,
  dedupe_key      TEXT    NOT NULL,
  event_ts        INTEGER NOT NULL,
  provider        TEXT    NOT NULL,
  model_raw       TEXT    NOT NULL,
  session_id      TEXT    NOT NULL,
  request_id      TEXT,
  message_id      TEXT,
  is_sidechain    INTEGER NOT NULL DEFAULT 0,
  project         TEXT    NOT NULL DEFAULT '',
  account         TEXT    NOT NULL,
  input           INTEGER NOT NULL,
  output          INTEGER NOT NULL,
  cache_read      INTEGER NOT NULL,
  cache_write_5m  INTEGER NOT NULL,
  cache_write_1h  INTEGER NOT NULL,
  reasoning       INTEGER NOT NULL,
  vendor_cost_usd REAL,
  source_path     TEXT    NOT NULL,
  source_offset   INTEGER NOT NULL,
  parser_version  INTEGER NOT NULL,
  ingested_at     INTEGER NOT NULL
);
-- Sidechain events are few; this lets the writer find them without a table scan.
CREATE INDEX events_sidechain ON events(key_hash) WHERE is_sidechain = 1;

CREATE TABLE rollup_q15 (
  q15             INTEGER NOT NULL,
  provider        TEXT    NOT NULL,
  account         TEXT    NOT NULL,
  project         TEXT    NOT NULL,
  model_raw       TEXT    NOT NULL,
  ctx_bucket      INTEGER NOT NULL,
  requests        INTEGER NOT NULL,
  input           INTEGER NOT NULL,
  output          INTEGER NOT NULL,
  cache_read      INTEGER NOT NULL,
  cache_write_5m  INTEGER NOT NULL,
  cache_write_1h  INTEGER NOT NULL,
  reasoning       INTEGER NOT NULL,
  vendor_cost_usd REAL    NOT NULL DEFAULT 0,
  PRIMARY KEY (q15, provider, account, project, model_raw, ctx_bucket)
) WITHOUT ROWID;

CREATE TABLE session_rollup (
  provider        TEXT    NOT NULL,
  session_id      TEXT    NOT NULL,
  utc_day         INTEGER NOT NULL,
  model_raw       TEXT    NOT NULL,
  ctx_bucket      INTEGER NOT NULL,
  account         TEXT    NOT NULL,
  project         TEXT    NOT NULL,
  first_ts        INTEGER NOT NULL,
  last_ts         INTEGER NOT NULL,
  requests        INTEGER NOT NULL,
  input           INTEGER NOT NULL,
  output          INTEGER NOT NULL,
  cache_read      INTEGER NOT NULL,
  cache_write_5m  INTEGER NOT NULL,
  cache_write_1h  INTEGER NOT NULL,
  reasoning       INTEGER NOT NULL,
  PRIMARY KEY (provider, session_id, utc_day, model_raw, ctx_bucket)
) WITHOUT ROWID;
CREATE INDEX session_rollup_day ON session_rollup(utc_day);

CREATE TABLE source_files (
  path            TEXT    PRIMARY KEY,
  provider        TEXT    NOT NULL,
  account         TEXT    NOT NULL,
  dev             INTEGER NOT NULL,
  ino             INTEGER NOT NULL,
  size            INTEGER NOT NULL,
  mtime_ms        INTEGER NOT NULL,
  parsed_bytes    INTEGER NOT NULL,
  head_hash       INTEGER NOT NULL,
  anchor_hash     INTEGER NOT NULL,
  parser_version  INTEGER NOT NULL,
  state_json      TEXT,
  events          INTEGER NOT NULL DEFAULT 0,
  skipped_json    TEXT    NOT NULL DEFAULT '{}',
  last_event_ts   INTEGER,
  last_error      TEXT,
  missing_since   INTEGER,
  updated_at      INTEGER NOT NULL
);

CREATE TABLE limit_readings (
  provider        TEXT    NOT NULL,
  account         TEXT    NOT NULL,
  window_id       TEXT    NOT NULL,
  observed_ts     INTEGER NOT NULL,
  used_percent    REAL    NOT NULL,
  window_minutes  INTEGER,
  resets_at       INTEGER,
  plan_type       TEXT,
  PRIMARY KEY (provider, account, window_id, observed_ts)
) WITHOUT ROWID;

CREATE TABLE settings (
  key             TEXT PRIMARY KEY,
  value_json      TEXT NOT NULL,
  updated_at      INTEGER NOT NULL
);

CREATE TABLE meta (
  key             TEXT PRIMARY KEY,
  value           TEXT NOT NULL
);
`
