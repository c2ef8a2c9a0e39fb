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

/**
 * Agents whose usage rows carry the vendor's own charge (Cursor's dashboard export states what each row
 * cost): reports use that charge, and neither the registry nor a user override re-prices them.
 */
export const VENDOR_PRICED_PROVIDERS: ReadonlySet<ProviderId> = new Set<ProviderId>(['cursor'])
