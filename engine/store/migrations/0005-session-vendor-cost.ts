/**
 * Session rollups keep the vendor's own charge, like rollup_q15: Cursor's usage is priced by what Cursor
 * billed, so without it every Cursor session showed as unpriced. Existing rows are filled in by the
 * rollup re-derivation that the new ROLLUPS_VERSION triggers (engine/store/rollup-rebuild.ts).
 */
export const sql = `
ALTER TABLE session_rollup ADD COLUMN vendor_cost_usd REAL NOT NULL DEFAULT 0;
`
