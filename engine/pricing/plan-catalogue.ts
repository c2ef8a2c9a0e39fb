import type { ProviderId } from '../../common/providers.ts'

/**
 * How sure we are of a list price: `official` = the vendor's page or help centre, `secondary` = a third
 * party quoting the vendor, `unverified` = not confirmed in a source (reference pricing-and-plans.md §10).
 */
export type PlanPriceConfidence = 'official' | 'secondary' | 'unverified'

export interface CataloguePlan {
  readonly id: string
  readonly vendor: string
  readonly name: string
  /** Current list price, USD per month. */
  readonly monthlyUsd: number
  /** USD per year when an annual option with a known price exists, else null. */
  readonly annualUsd: number | null
  /** Agents whose usage this plan covers by default (common/providers.ts ids). */
  readonly providers: readonly ProviderId[]
  readonly confidence: PlanPriceConfidence
  /** Date of the artefact the price was taken from (YYYY-MM or YYYY-MM-DD). */
  readonly asOf: string
  readonly note: string | null
}

/**
 * Current list prices (compiled Nov 2026 from the reference §10). Prices change: a user plan stores its
 * own fee, copied from here when created, so editing this list never re-prices a user's history.
 */
export const PLAN_CATALOGUE: readonly CataloguePlan[] = [
  { id: 'claude-pro', vendor: 'Anthropic', name: 'Claude Pro', monthlyUsd: 20, annualUsd: 200, providers: ['claude'], confidence: 'official', asOf: '2026-06-10', note: 'Allowance shared by claude.ai and Claude Code.' },
  { id: 'claude-max-5x', vendor: 'Anthropic', name: 'Claude Max 5x', monthlyUsd: 100, annualUsd: null, providers: ['claude'], confidence: 'official', asOf: '2026-06', note: null },
  { id: 'claude-max-20x', vendor: 'Anthropic', name: 'Claude Max 20x', monthlyUsd: 200, annualUsd: null, providers: ['claude'], confidence: 'official', asOf: '2026-06', note: null },
  { id: 'chatgpt-plus', vendor: 'OpenAI', name: 'ChatGPT Plus', monthlyUsd: 20, annualUsd: null, providers: ['codex'], confidence: 'secondary', asOf: '2026-06-02', note: 'Includes Codex.' },
  { id: 'chatgpt-pro-5x', vendor: 'OpenAI', name: 'ChatGPT Pro (5x)', monthlyUsd: 100, annualUsd: null, providers: ['codex'], confidence: 'secondary', asOf: '2026-04-09', note: null },
  { id: 'chatgpt-pro-20x', vendor: 'OpenAI', name: 'ChatGPT Pro (20x)', monthlyUsd: 200, annualUsd: null, providers: ['codex'], confidence: 'secondary', asOf: '2026-04-09', note: null },
  { id: 'cursor-pro', vendor: 'Cursor', name: 'Cursor Pro', monthlyUsd: 20, annualUsd: null, providers: ['cursor'], confidence: 'official', asOf: '2026-10-07', note: '$20 of API usage at provider prices included, plus the Auto/Composer pool.' },
  { id: 'cursor-pro-plus', vendor: 'Cursor', name: 'Cursor Pro+', monthlyUsd: 60, annualUsd: null, providers: ['cursor'], confidence: 'official', asOf: '2026-10-07', note: '$70 of API usage included.' },
  { id: 'cursor-ultra', vendor: 'Cursor', name: 'Cursor Ultra', monthlyUsd: 200, annualUsd: null, providers: ['cursor'], confidence: 'official', asOf: '2026-10-07', note: '$400 of API usage included.' },
  { id: 'factory-pro', vendor: 'Factory', name: 'Factory Pro', monthlyUsd: 20, annualUsd: null, providers: ['droid'], confidence: 'secondary', asOf: '2026', note: null },
  { id: 'factory-pro-plus', vendor: 'Factory', name: 'Factory Pro Plus', monthlyUsd: 100, annualUsd: null, providers: ['droid'], confidence: 'secondary', asOf: '2026', note: null },
  { id: 'factory-max', vendor: 'Factory', name: 'Factory Max', monthlyUsd: 200, annualUsd: null, providers: ['droid'], confidence: 'secondary', asOf: '2026', note: null },
  { id: 'google-ai-pro', vendor: 'Google', name: 'Google AI Pro', monthlyUsd: 19.99, annualUsd: null, providers: ['gemini'], confidence: 'secondary', asOf: '2026-05-19', note: 'Gemini CLI quota 1,500 requests/day.' },
  { id: 'google-ai-ultra', vendor: 'Google', name: 'Google AI Ultra', monthlyUsd: 99.99, annualUsd: null, providers: ['gemini'], confidence: 'secondary', asOf: '2026-05-19', note: 'Entry price; the top Ultra tier is $200 (cut from $250): set your own fee if you have it.' },
  { id: 'copilot-pro', vendor: 'GitHub', name: 'GitHub Copilot Pro', monthlyUsd: 10, annualUsd: 100, providers: ['opencode'], confidence: 'official', asOf: '2026-06-01', note: 'Covers OpenCode usage through the github-copilot provider; 1,500 AI credits/month.' },
  { id: 'copilot-pro-plus', vendor: 'GitHub', name: 'GitHub Copilot Pro+', monthlyUsd: 39, annualUsd: null, providers: ['opencode'], confidence: 'official', asOf: '2026-06-01', note: '7,000 AI credits/month. Annual $390 is unverified.' },
]
