/**
 * Fired alerts: the key of every budget or quota notification shown, so an alert fires once per period
 * even across restarts and rebuilds. (User settings live in the `settings` table from 0001, one row per
 * section: key = section name, value_json = that section, validated by common/settings.ts.)
 */
export const sql = `
CREATE TABLE alerts_fired (
  key         TEXT    PRIMARY KEY,
  fired_at    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`
