/**
 * The ledger identity of one Gemini request: `gemini:<sessionId>:<message id>`. A message id is a uuid
 * the CLI gives each recorded turn and keeps in every rewrite of it (token arrival, tool-call updates,
 * `$set` checkpoints), and resuming a legacy `.json` session copies its messages verbatim into a `.jsonl`
 * beside it. No file path or offset: every copy of a message, in any file, must land on one key, so the
 * current JSONL and the legacy whole-file adapters share this function.
 */
export function geminiDedupeKey(sessionId: string, messageId: string): string {
  return `gemini:${sessionId}:${messageId}`
}
