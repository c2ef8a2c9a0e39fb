/**
 * User pricing data: price overrides, subscription plans and billing-attribution rules.
 *
 * Costs are never stored: every figure is recomputed from events/rollups with the bundled registry and
 * these rows, so editing an override or a plan re-prices all history at once. Prices are REAL USD per
 * million tokens and dates are YYYY-MM-DD with inclusive ends (validated in engine/pricing/pricing-schemas.ts;
 * the CHECKs are a last line of defence). Rules are applied in `position` order, first match wins.
 */
export const sql = `
CREATE TABLE price_overrides (
  id              TEXT    PRIMARY KEY,
  provider        TEXT,
  model           TEXT    NOT NULL,
  input           REAL    CHECK (input IS NULL OR input >= 0),
  output          REAL    CHECK (output IS NULL OR output >= 0),
  cache_read      REAL    CHECK (cache_read IS NULL OR cache_read >= 0),
  cache_write_5m  REAL    CHECK (cache_write_5m IS NULL OR cache_write_5m >= 0),
  cache_write_1h  REAL    CHECK (cache_write_1h IS NULL OR cache_write_1h >= 0),
  effective_from  TEXT,
  effective_until TEXT,
  created_at      INTEGER NOT NULL,
  CHECK (COALESCE(input, output, cache_read, cache_write_5m, cache_write_1h) IS NOT NULL),
  CHECK (effective_from IS NULL OR effective_until IS NULL OR effective_from <= effective_until)
) STRICT;
CREATE INDEX price_overrides_model ON price_overrides(model);

CREATE TABLE user_plans (
  id              TEXT    PRIMARY KEY,
  name            TEXT    NOT NULL,
  catalogue_id    TEXT,
  provider        TEXT    NOT NULL,
  account         TEXT,
  billing         TEXT    NOT NULL CHECK (billing IN ('monthly', 'annual')),
  fee_usd         REAL    NOT NULL CHECK (fee_usd >= 0),
  start_date      TEXT    NOT NULL,
  end_date        TEXT,
  created_at      INTEGER NOT NULL,
  CHECK (end_date IS NULL OR start_date <= end_date)
) STRICT;

CREATE TABLE attribution_rules (
  id              TEXT    PRIMARY KEY,
  position        INTEGER NOT NULL,
  provider        TEXT,
  account         TEXT,
  project         TEXT,
  date_from       TEXT,
  date_until      TEXT,
  billing         TEXT    NOT NULL CHECK (billing IN ('plan', 'api')),
  plan_id         TEXT    REFERENCES user_plans(id) ON DELETE CASCADE,
  created_at      INTEGER NOT NULL,
  CHECK (billing = 'plan' OR plan_id IS NULL),
  CHECK (date_from IS NULL OR date_until IS NULL OR date_from <= date_until)
) STRICT;
CREATE INDEX attribution_rules_position ON attribution_rules(position);
`
