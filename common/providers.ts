/** Every agent TokenLedger reads. A closed union: adding an agent is a deliberate contract change. */
export const PROVIDER_IDS = ['claude', 'codex', 'cursor', 'droid', 'gemini', 'opencode', 'amp'] as const
export type ProviderId = (typeof PROVIDER_IDS)[number]

export const PROVIDER_LABELS = {
  claude: 'Claude Code',
  codex: 'Codex CLI',
  cursor: 'Cursor',
  droid: 'Factory Droid',
  gemini: 'Gemini CLI',
  opencode: 'OpenCode',
  amp: 'Amp',
} as const satisfies Record<ProviderId, string>

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value)
}
