import type { ProviderId } from '../common/providers.ts'

/** One colour per agent, used for the card dot, the chart stack and the model list. */
export const PROVIDER_COLORS = {
  claude: '#d97757',
  codex: '#10a37f',
  cursor: '#7c7f88',
  droid: '#e0a030',
  gemini: '#4285f4',
  opencode: '#a855f7',
  amp: '#e5484d',
} as const satisfies Record<ProviderId, string>
