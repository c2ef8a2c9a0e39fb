/** Options shared by the generators of the agents beyond Claude Code and Codex. */
export interface AgentCorpusOptions {
  /** The fake HOME: each generator writes under its agent's default location in it. */
  dir: string
  /** Billable units after dedupe: requests (Gemini, OpenCode, Amp), sessions (Droid), export rows (Cursor). */
  requests: number
  seed: number
  /** UTC midnight of the first day. */
  startMs: number
  days: number
}
