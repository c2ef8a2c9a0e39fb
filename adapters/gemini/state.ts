/**
 * The JSONL resume cursor (plain JSON, stored by the engine with the file's checkpoint): the session id
 * from the recording's first metadata line, which later reads of the same file need for their keys.
 */
export interface GeminiJsonlState {
  sessionId: string | null
}

export function initialGeminiJsonlState(): GeminiJsonlState {
  return { sessionId: null }
}
