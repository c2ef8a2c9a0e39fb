/**
 * Converts the price data bundled in @pydantic/genai-prices (pinned devDependency) into TokenLedger's
 * committed, typed registry `engine/pricing/registry.generated.ts`. Run: `node scripts/build-price-registry.ts`.
 *
 * Why convert at build time instead of calling genai-prices at run time: TokenLedger needs exact
 * (non-fuzzy) matching, user overrides, provenance and context-bucket tiers, none of which the library
 * models; and an upstream format change should only ever touch this file. No network: `waitForUpdate()`
 * returns the data inlined in the package unless `updatePrices()` was called, which we never do.
 *
 * A test (engine/pricing/registry.generated.test.ts) fails when the committed file differs from this
 * script's output, so bumping the package without re-running the script is caught.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { waitForUpdate } from '@pydantic/genai-prices'
import type { ConditionalPrice, MatchLogic, ModelInfo, ModelPrice, Provider } from '@pydantic/genai-prices'
import { CONTEXT_BUCKET_EDGES } from '../common/context-buckets.ts'
import type {
  PriceComponent,
  PriceRegistry,
  PriceSource,
  RegistryEntry,
  RegistryModel,
  RegistryPrice,
  RegistryPrices,
  RegistryTier,
  RegistryVendor,
  RegistryWhen,
} from '../engine/pricing/registry-types.ts'

/** Bump when the conversion changes (so the registry version changes even if the data does not). */
const CONVERTER_VERSION = 1

export const REGISTRY_OUT = fileURLToPath(new URL('../engine/pricing/registry.generated.ts', import.meta.url))
const UPSTREAM_PACKAGE_JSON = fileURLToPath(new URL('../node_modules/@pydantic/genai-prices/package.json', import.meta.url))

interface VendorConfig {
  readonly id: string
  readonly source: PriceSource
  /** Route-specific resale rows we do not want (e.g. Claude on Vertex inside `google`). */
  readonly skip?: (model: ModelInfo) => boolean
  readonly note?: string
}

/**
 * Vendors whose models coding agents log. Order matters only for display; which vendor wins a name
 * claimed by two of them is decided at run time from the agent (see model-index.ts).
 */
const VENDORS: readonly VendorConfig[] = [
  { id: 'anthropic', source: 'official' },
  { id: 'openai', source: 'official' },
  { id: 'google', source: 'official', skip: (m) => m.id.startsWith('claude-'), note: 'Claude-on-Vertex rows left out: Claude is priced from the anthropic rows.' },
  { id: 'x-ai', source: 'official' },
  { id: 'deepseek', source: 'official' },
  { id: 'mistral', source: 'official' },
  { id: 'moonshotai', source: 'official' },
  { id: 'zai', source: 'official' },
  { id: 'minimax', source: 'official' },
  { id: 'cursor', source: 'official', note: "Cursor's own table (Composer, Grok in Cursor); other models in Cursor bill at the vendor's price." },
  // Zhipu bills in CNY only; genai-prices converts at a fixed rate, so these are derived, not list prices.
  { id: 'zhipuai', source: 'inferred', note: 'CNY list prices converted to USD by genai-prices at a fixed rate.' },
]

/**
 * OpenRouter rows used only to fill gaps for model families with no first-party table in genai-prices
 * (Qwen) or with holes in it (GLM 4.x, older Kimi/DeepSeek/MiniMax ids). Marked `aggregator`; a name a
 * first-party vendor already claims is never taken from here.
 */
const GAP_FILL_PREFIXES = ['qwen/', 'z-ai/', 'moonshotai/', 'deepseek/', 'minimax/'] as const

const PRICE_KEYS: Readonly<Record<string, PriceComponent>> = {
  input_mtok: 'input',
  output_mtok: 'output',
  cache_read_mtok: 'cacheRead',
  cache_write_mtok: 'cacheWrite5m',
  cache_write_1h_mtok: 'cacheWrite1h',
}

interface Converted {
  readonly models: RegistryModel[]
  readonly excluded: { vendor: string; id: string; reason: string }[]
  readonly log: string[]
}

class Unrepresentable extends Error {}

/** genai-prices tiers fire when prompt > start. Map each start onto a context-bucket edge or refuse. */
function toTier(start: number, price: number): RegistryTier {
  const edges: readonly number[] = CONTEXT_BUCKET_EDGES
  if (edges.includes(start)) return { above: start, usdPerMtok: price, inclusive: false }
  // `start: 271999` (OpenAI ">272K" encoded as ≥ 272,000) and xAI's `199999` (≥ 200k): same edge, vendor bills from it.
  if (edges.includes(start + 1)) return { above: start + 1, usdPerMtok: price, inclusive: true }
  throw new Unrepresentable(`tier threshold ${start} is not a context bucket edge (${edges.join(', ')})`)
}

function toPrice(value: ModelPrice[string]): RegistryPrice | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'number') return value
  return { base: value.base, tiers: [...value.tiers].sort((a, b) => a.start - b.start).map((t) => toTier(t.start, t.price)) }
}

function toPrices(mp: ModelPrice, ignored: Set<string>): RegistryPrices {
  const out: Partial<Record<PriceComponent, RegistryPrice>> = {}
  for (const [key, value] of Object.entries(mp)) {
    const component = PRICE_KEYS[key]
    if (component === undefined) {
      ignored.add(key)
      continue
    }
    const price = toPrice(value)
    if (price !== undefined) out[component] = price
  }
  return out
}

function secondsOfDay(time: string): number {
  const m = /^(\d{2}):(\d{2}):(\d{2})Z$/.exec(time)
  if (m === null) throw new Error(`unsupported time-of-day ${time}: only UTC (Z) times are converted`)
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])
}

function toWhen(c: ConditionalPrice['constraint']): RegistryWhen {
  if (c === undefined) return { kind: 'always' }
  if (c.type === 'start_date') return { kind: 'from', date: c.start_date }
  return { kind: 'daily', startSec: secondsOfDay(c.start_time), endSec: secondsOfDay(c.end_time) }
}

function toSchedule(model: ModelInfo, ignored: Set<string>): RegistryEntry[] {
  const list: readonly ConditionalPrice[] = Array.isArray(model.prices) ? model.prices : [{ prices: model.prices }]
  return list.map((c) => ({ when: toWhen(c.constraint), prices: toPrices(c.prices, ignored) }))
}

/**
 * Exact names from a match rule. `starts_with`/`contains`/`ends_with` contribute their literal only:
 * longer names reach it through the explicit, tested normalizations (date suffix, Bedrock/Vertex
 * wrappers, effort suffixes), never through prefix or substring matching. Regexes are dropped: the
 * ones upstream uses spell out date suffixes or `[fast=…]` tags, which normalization already handles.
 */
function literals(match: MatchLogic, out: string[]): void {
  if ('or' in match) for (const m of match.or) literals(m, out)
  else if ('and' in match) for (const m of match.and) literals(m, out)
  else if ('equals' in match) out.push(match.equals)
  else if ('starts_with' in match) out.push(match.starts_with)
  else if ('ends_with' in match) out.push(match.ends_with)
  else if ('contains' in match) out.push(match.contains)
}

/** A literal is kept only if it is a whole model name, not a prefix fragment like `gpt-5-nano-` or `claude-sonnet-4@`. */
function isWholeName(alias: string): boolean {
  return /^[a-z0-9][a-z0-9._:-]*[a-z0-9]$/.test(alias) && !/-20\d\d$/.test(alias)
}

/** Cursor and Droid spell Claude models `claude-4.5-sonnet`; generate those exact aliases rather than match loosely. */
function claudeWordOrderAliases(id: string): string[] {
  const two = /^claude-(opus|sonnet|haiku)-(\d+)-(\d+)$/.exec(id)
  if (two !== null) {
    const [, fam, a, b] = two
    return [`claude-${a}.${b}-${fam}`, `claude-${a}-${b}-${fam}`, `claude-${fam}-${a}.${b}`]
  }
  const one = /^claude-(opus|sonnet|haiku)-(\d+)$/.exec(id)
  return one === null ? [] : [`claude-${one[2]}-${one[1]}`]
}

function hasTokenPrices(schedule: readonly RegistryEntry[]): boolean {
  return schedule.length > 0 && schedule.every((e) => e.prices.input !== undefined && e.prices.output !== undefined)
}

function convertModel(
  vendor: string,
  source: PriceSource,
  model: ModelInfo,
  stripPrefix: string,
  claimed: ReadonlySet<string>,
  acc: Converted,
  ignored: Set<string>,
): void {
  const id = model.id.toLowerCase().slice(stripPrefix.length)
  let schedule: RegistryEntry[]
  try {
    schedule = toSchedule(model, ignored)
  } catch (err) {
    if (!(err instanceof Unrepresentable)) throw err
    acc.excluded.push({ vendor, id, reason: err.message })
    return
  }
  // Embeddings, TTS, image models and `:free` rows: nothing to price tokens with. Unpriced, never $0.
  if (!hasTokenPrices(schedule)) return
  const raw: string[] = [id]
  literals(model.match, raw)
  if (vendor === 'anthropic') raw.push(...claudeWordOrderAliases(id))
  const aliases: string[] = []
  for (const r of raw) {
    let a = r.toLowerCase()
    if (stripPrefix !== '') {
      if (!a.startsWith(stripPrefix)) continue
      a = a.slice(stripPrefix.length)
    }
    if (!isWholeName(a) || aliases.includes(a)) continue
    if (claimed.has(`${vendor}\u0000${a}`)) {
      acc.log.push(`alias ${a} already claimed in ${vendor}, kept on the first model (upstream order)`)
      continue
    }
    aliases.push(a)
  }
  if (aliases.length === 0) return
  acc.models.push({ vendor, id, aliases, source, schedule })
}

export function convertRegistry(providers: readonly Provider[], upstreamVersion: string): { registry: PriceRegistry; log: string[] } {
  const acc: Converted = { models: [], excluded: [], log: [] }
  const ignored = new Set<string>()
  const vendors: RegistryVendor[] = []
  const claim = (): Set<string> => new Set(acc.models.flatMap((m) => m.aliases.map((a) => `${m.vendor}\u0000${a}`)))
  for (const cfg of VENDORS) {
    const p = providers.find((x) => x.id === cfg.id)
    if (p === undefined) throw new Error(`genai-prices has no provider ${cfg.id}`)
    vendors.push({ id: p.id, name: p.name, source: cfg.source, pricingUrls: p.pricing_urls ?? [], note: cfg.note ?? null })
    for (const m of p.models) if (cfg.skip?.(m) !== true) convertModel(p.id, cfg.source, m, '', claim(), acc, ignored)
  }
  // Excluded first-party models stay unpriced: an aggregator row without their tier would misprice them.
  const firstParty = new Set([...acc.models.flatMap((m) => m.aliases), ...acc.excluded.map((x) => x.id)])
  const openrouter = providers.find((x) => x.id === 'openrouter')
  if (openrouter === undefined) throw new Error('genai-prices has no provider openrouter')
  vendors.push({
    id: 'openrouter',
    name: openrouter.name,
    source: 'aggregator',
    pricingUrls: openrouter.pricing_urls ?? [],
    note: `Gap-fill only, for ${GAP_FILL_PREFIXES.join(' ')} names no first-party table has.`,
  })
  for (const m of openrouter.models) {
    const prefix = GAP_FILL_PREFIXES.find((p) => m.id.toLowerCase().startsWith(p))
    if (prefix === undefined || firstParty.has(m.id.toLowerCase().slice(prefix.length))) continue
    // The gap-fill vendor is one namespace: `moonshotai/x` and `z-ai/x` must not both claim `x`.
    const claimed = new Set([...claim(), ...[...firstParty].map((a) => `openrouter\u0000${a}`)])
    convertModel('openrouter', 'aggregator', m, prefix, claimed, acc, ignored)
  }
  acc.log.push(`ignored price keys (no matching token counts): ${[...ignored].sort().join(', ')}`)
  acc.log.push(`${acc.models.length} models, ${acc.excluded.length} excluded`)
  const registry: PriceRegistry = {
    version: `genai-prices-${upstreamVersion}+tl.${CONVERTER_VERSION}`,
    upstream: { package: '@pydantic/genai-prices', version: upstreamVersion, license: 'MIT' },
    vendors,
    models: acc.models,
    excluded: acc.excluded,
  }
  return { registry, log: acc.log }
}

export function renderRegistryModule(registry: PriceRegistry): string {
  const lines = [
    '// GENERATED by scripts/build-price-registry.ts from @pydantic/genai-prices. Do not edit by hand:',
    '// change the script and run `node scripts/build-price-registry.ts`. A test checks this file is current.',
    "import type { PriceRegistry } from './registry-types.ts'",
    '',
    'export const PRICE_REGISTRY: PriceRegistry = {',
    `  version: ${JSON.stringify(registry.version)},`,
    `  upstream: ${JSON.stringify(registry.upstream)},`,
    '  vendors: [',
    ...registry.vendors.map((v) => `    ${JSON.stringify(v)},`),
    '  ],',
    '  models: [',
    ...registry.models.map((m) => `    ${JSON.stringify(m)},`),
    '  ],',
    '  excluded: [',
    ...registry.excluded.map((x) => `    ${JSON.stringify(x)},`),
    '  ],',
    '}',
    '',
  ]
  return lines.join('\n')
}

/** The exact text `registry.generated.ts` must contain for the installed genai-prices. */
export async function buildRegistrySource(): Promise<{ source: string; log: string[] }> {
  const providers = await waitForUpdate()
  if (providers === null) throw new Error('genai-prices returned no bundled data')
  const upstream = JSON.parse(readFileSync(UPSTREAM_PACKAGE_JSON, 'utf8')) as { version: string }
  const { registry, log } = convertRegistry(providers, upstream.version)
  return { source: renderRegistryModule(registry), log }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { source, log } = await buildRegistrySource()
  writeFileSync(REGISTRY_OUT, source)
  for (const line of log) console.log(line)
  console.log(`wrote ${REGISTRY_OUT} (${(source.length / 1024).toFixed(0)} KB)`)
}
