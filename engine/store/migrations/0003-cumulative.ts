/**
 * Running totals of sources that report one cumulative total per session (Factory Droid): the highest
 * total seen per key. The writer turns each new total into an event for the increase since this baseline,
 * in the same transaction, so a re-read or a stale copy of the same session never counts twice.
 */
export const sql = `
CREATE TABLE cumulative_baselines (
  cumulative_key  TEXT    PRIMARY KEY,
  input           INTEGER NOT NULL,
  output          INTEGER NOT NULL,
  cache_read      INTEGER NOT NULL,
  cache_write_5m  INTEGER NOT NULL,
  cache_write_1h  INTEGER NOT NULL,
  reasoning       INTEGER NOT NULL,
  updated_ts      INTEGER NOT NULL
) WITHOUT ROWID;
`
