/**
 * Explicit, tested normalizations from a raw model string (as an agent logged it) to the exact names the
 * registry is keyed by. There is deliberately NO fuzzy step: substring or nearest-name matching priced
 * `gpt-5.4-mini` as `gpt-5` in other tools (ccusage#934). A name that survives these rules without an
 * exact hit is unpriced.
 */

/** Result of the wrapper-stripping pass: a bare lower-case name plus what the wrappers told us. */
export interface SurfaceName {
  readonly name: string
  /** Registry vendor named by a `vendor/` prefix, a Bedrock `vendor.` prefix or a Droid `[Vendor]` tag. */
  readonly vendorHint: string | null
  /** A `[fast=true]` tag (Cursor). Claude Code's adapter spells the same thing as a `-fast` suffix. */
  readonly fast: boolean
}

/** Prefix / tag spellings → registry vendor ids. Only used to break ties between vendors, never to invent a match. */
const VENDOR_HINTS: Readonly<Record<string, string>> = {
  anthropic: 'anthropic',
  openai: 'openai',
  google: 'google',
  gemini: 'google',
  vertex: 'google',
  vertex_ai: 'google',
  'x-ai': 'x-ai',
  xai: 'x-ai',
  deepseek: 'deepseek',
  mistral: 'mistral',
  mistralai: 'mistral',
  moonshot: 'moonshotai',
  moonshotai: 'moonshotai',
  zai: 'zai',
  'z-ai': 'zai',
  zhipuai: 'zhipuai',
  minimax: 'minimax',
  cursor: 'cursor',
  // No first-party Qwen table exists; its names live in the aggregator gap-fill namespace.
  qwen: 'openrouter',
}

const BEDROCK = /^(?:(?:us|eu|apac|ap|global|au|jp|ca|us-gov)\.)?(anthropic|openai|meta|mistral|deepseek|qwen|amazon|moonshotai|minimax)\.(.+)$/
const BEDROCK_VERSION = /-v\d+(?::\d+)?$/
const TRAILING_TAG = /-?\[([^\]]*)\](?:-\d+)?$/
const ANY_TAG = /-?\[([^\]]*)\]/g

/**
 * Strips wrappers that never change the price: case, `custom:` (Droid BYOK), bracket tags (`[1m]`,
 * `[Anthropic]`, `[fast=true]`, with Droid's trailing `-0` counter), routing prefixes (`openai/`,
 * `openrouter/anthropic/`), Bedrock ids (`us.anthropic.…-v1:0`) and Vertex versions (`…@20250929`).
 */
export function surfaceName(raw: string): SurfaceName {
  let s = raw.trim().toLowerCase()
  let vendorHint: string | null = null
  let fast = false
  const takeTag = (tag: string): void => {
    const t = tag.trim()
    if (t === 'fast' || t === 'fast=true') fast = true
    else if (VENDOR_HINTS[t] !== undefined) vendorHint = VENDOR_HINTS[t]
  }
  if (s.startsWith('custom:')) s = s.slice('custom:'.length)
  for (let m = TRAILING_TAG.exec(s); m !== null; m = TRAILING_TAG.exec(s)) {
    takeTag(m[1] ?? '')
    s = s.slice(0, m.index)
  }
  s = s.replace(ANY_TAG, (_all, tag: string) => {
    takeTag(tag)
    return ''
  })
  const slash = s.lastIndexOf('/')
  if (slash >= 0) {
    for (const seg of s.slice(0, slash).split('/')) vendorHint = VENDOR_HINTS[seg] ?? vendorHint
    s = s.slice(slash + 1)
  }
  const bedrock = BEDROCK.exec(s)
  if (bedrock !== null) {
    vendorHint = VENDOR_HINTS[bedrock[1] ?? ''] ?? vendorHint
    s = (bedrock[2] ?? '').replace(BEDROCK_VERSION, '')
  }
  const at = s.indexOf('@')
  if (at > 0) s = s.slice(0, at)
  return { name: s, vendorHint, fast }
}

const DATE_SUFFIX = /-(20\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])$/

/** `-20250929` or `-2025-08-07` (consistent separators only). Null when the name has no date suffix. */
export function stripDateSuffix(name: string): string | null {
  const m = DATE_SUFFIX.exec(name)
  if (m === null) return null
  const suffix = m[0]
  const dashes = suffix.split('-').length - 1
  return dashes === 1 || dashes === 3 ? name.slice(0, m.index) : null
}

export type VariantKind = 'effort' | 'thinking' | 'fast'

/**
 * Suffixes that select a mode of the same model, priced like the base model, each allowed only on the
 * families that actually use it. `-fast` is scoped to Claude because elsewhere it names a different,
 * separately priced model (`grok-3-fast`, `composer-2.5-fast`), which exact lookup finds first anyway.
 */
const VARIANTS: readonly { readonly kind: VariantKind; readonly suffix: RegExp; readonly family: RegExp }[] = [
  { kind: 'effort', suffix: /-(?:xhigh|high|medium|low|minimal)$/, family: /^(?:gpt-|o\d|codex-)/ },
  { kind: 'thinking', suffix: /-thinking$/, family: /^claude-/ },
  { kind: 'fast', suffix: /-fast$/, family: /^claude-/ },
]

/** Peels one variant suffix, or returns null when none applies. */
export function stripVariant(name: string): { readonly base: string; readonly kind: VariantKind } | null {
  for (const v of VARIANTS) {
    const m = v.suffix.exec(name)
    if (m === null) continue
    const base = name.slice(0, m.index)
    if (v.family.test(base)) return { base, kind: v.kind }
  }
  return null
}

const MAX_NAME = 256

export interface Candidates {
  /** Names to look up, most specific first; the first exact hit wins. */
  readonly keys: readonly string[]
  /** Which rule produced keys[i] from keys[i-1] (`steps[0]` describes keys[0]). */
  readonly steps: readonly string[]
  /** Index in `keys` from which the `-fast` speed variant was peeled (that key and later are standard-speed names). */
  readonly fastFrom: number
  readonly vendorHint: string | null
}

/** Every exact name worth trying for a raw model string, in the order they must be tried. */
export function candidateNames(raw: string): Candidates {
  // No real model id is this long; don't run the tag regexes over a pathological string.
  if (raw.length > MAX_NAME) return { keys: [raw], steps: ['exact'], fastFrom: -1, vendorHint: null }
  const surface = surfaceName(raw)
  let name = surface.fast ? `${surface.name}-fast` : surface.name
  const keys: string[] = [name]
  const steps: string[] = ['exact']
  let fastFrom = -1
  // Each step shortens the name, so this ends; the bound is a guard against a pathological string.
  for (let i = 0; i < 8; i++) {
    const undated = stripDateSuffix(name)
    if (undated !== null) {
      name = undated
      steps.push('date-suffix')
    } else {
      const variant = stripVariant(name)
      if (variant === null) break
      name = variant.base
      steps.push(variant.kind)
      if (variant.kind === 'fast' && fastFrom < 0) fastFrom = keys.length
    }
    keys.push(name)
  }
  return { keys, steps, fastFrom, vendorHint: surface.vendorHint }
}
