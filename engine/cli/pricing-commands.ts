import type { Command } from 'commander'
import { isProviderId, type ProviderId } from '../../common/providers.ts'
import { PLAN_CATALOGUE } from '../pricing/index.ts'
import { listOverrides, listPlans, listRules } from '../pricing/pricing-read.ts'
import { modelUsage } from '../pricing/models-seen.ts'
import { openEngine } from './open-engine.ts'
import { guarded } from './guarded.ts'
import { UsageError, type CommonFlags } from './options.ts'
import { fmtInt, renderTable } from './table.ts'
import { systemTimeZone } from '../reports/local-time.ts'

/**
 * `tokenledger prices …` and `tokenledger plans …`: inspect the price registry, set overrides, manage
 * subscriptions and billing rules. Edits are validated (a clear message per field, exit code 2) and take
 * effect on the next report: history is re-priced, never re-ingested.
 */
export function registerPricingCommands(program: Command, withCommon: (c: Command) => Command): void {
  const prices = program.command('prices').description('the price registry and your price overrides')
  withCommon(prices.command('show <model>').description('unit prices in force for a model').option('--at <date>', 'prices in force on this UTC date (default: today)'))
    .action(guarded((model: string, flags: CommonFlags & { at?: string }) => pricesShow(model, flags)))
  withCommon(prices.command('check').description('models seen in your usage that have no known price')).action(guarded(pricesCheck))
  const override = prices.command('override').description('your own prices, winning over the registry')
  withCommon(
    override
      .command('set <model>')
      .description('add a price override (USD per million tokens)')
      .option('--input <usd>')
      .option('--output <usd>')
      .option('--cache-read <usd>')
      .option('--cache-write-5m <usd>')
      .option('--cache-write-1h <usd>')
      .option('--from <date>', 'first UTC day it applies')
      .option('--to <date>', 'last UTC day it applies (inclusive)'),
  ).action(guarded((model: string, flags: OverrideFlags) => overrideSet(model, flags)))
  withCommon(override.command('list').description('your price overrides')).action(guarded(overrideList))
  withCommon(override.command('remove <id>').description('remove a price override')).action(guarded((id: string, flags: CommonFlags) => removeById('override', id, flags)))

  const plans = program.command('plans').description('your subscriptions, and which usage they cover')
  plans.command('catalogue').description('known plans and their list prices').option('--json').action(guarded(plansCatalogue))
  withCommon(
    plans
      .command('add')
      .description('add a subscription (from the catalogue, or custom with --name --fee --provider)')
      .option('--catalogue <id>', 'a plan id from `tokenledger plans catalogue`')
      .option('--name <name>')
      .option('--fee <usd>', 'USD per billing period (default: the catalogue price)')
      .option('--billing <period>', 'monthly or annual', 'monthly')
      .option('--start <date>', 'first day of coverage, YYYY-MM-DD')
      .option('--end <date>', 'last day of coverage (inclusive)')
      .option('--account <dir>', 'only usage from this config root (e.g. ~/.claude-work)'),
  ).action(guarded(plansAdd))
  withCommon(plans.command('list').description('your subscriptions and billing rules')).action(guarded(plansList))
  withCommon(plans.command('remove <id>').description('remove a subscription (and rules naming it)')).action(guarded((id: string, flags: CommonFlags) => removeById('plan', id, flags)))
  withCommon(
    plans
      .command('rule')
      .description('add a billing rule: which usage a plan covers, or is paid per token (first match wins)')
      .requiredOption('--billing <kind>', 'plan or api')
      .option('--plan <id>', 'with --billing plan: this plan')
      .option('--account <dir>')
      .option('--project <dir>')
      .option('--from <date>')
      .option('--to <date>'),
  ).action(guarded(ruleAdd))
  withCommon(plans.command('unrule <id>').description('remove a billing rule')).action(guarded((id: string, flags: CommonFlags) => removeById('rule', id, flags)))
}

interface OverrideFlags extends CommonFlags {
  input?: string
  output?: string
  cacheRead?: string
  cacheWrite5m?: string
  cacheWrite1h?: string
  from?: string
  to?: string
}

function usd(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value.replace(/^\$/, ''))
  if (!Number.isFinite(n)) throw new UsageError(`${flag}: "${value}" is not a number`)
  return n
}

function providerFlag(flags: CommonFlags): ProviderId | null {
  if (flags.provider === undefined) return null
  if (!isProviderId(flags.provider)) throw new UsageError(`unknown provider ${flags.provider}`)
  return flags.provider
}

/** Runs an edit through the validating repository; its field errors become one clear usage error. */
async function edit<T>(fn: (repo: typeof import('../pricing/pricing-repo.ts')) => T): Promise<T> {
  const repo = await import('../pricing/pricing-repo.ts')
  const { PricingInputError } = await import('../pricing/pricing-schemas.ts')
  try {
    return fn(repo)
  } catch (err) {
    if (err instanceof PricingInputError) throw new UsageError(err.message)
    throw err
  }
}

function print(flags: { json?: boolean }, json: unknown, human: () => string): void {
  process.stdout.write(flags.json ? JSON.stringify(json, null, 2) + '\n' : human() + '\n')
}

function pricesShow(model: string, flags: CommonFlags & { at?: string }): void {
  const engine = openEngine(flags, systemTimeZone(), { ingest: false })
  try {
    const at = flags.at === undefined ? engine.now() : Date.parse(`${flags.at}T12:00:00Z`)
    if (Number.isNaN(at)) throw new UsageError(`--at: "${flags.at}" is not a date YYYY-MM-DD`)
    const d = engine.reportContext().pricer.describe(providerFlag(flags), model, at)
    if (d === null) {
      print(flags, { schemaVersion: 1, model, priced: false }, () => `${model}: no known price (unpriced). Add one with: tokenledger prices override set ${model} --input <usd> --output <usd>`)
      return
    }
    print(flags, { schemaVersion: 1, priced: true, ...d }, () => {
      const rows = Object.entries(d.components).map(([k, c]) => [
        k,
        c === null ? '—' : `$${c.usdPerMtok}`,
        c === null ? '' : c.tiers.map((t) => `>${fmtInt(t.abovePromptTokens)}: $${t.usdPerMtok}`).join(', '),
        c?.source ?? '',
      ])
      return `${d.canonical} (${d.vendor ?? 'user'}; registry ${d.registryVersion}${d.periodFrom ? `; price since ${d.periodFrom}` : ''})\n` + renderTable(['Token type', 'USD / Mtok', 'Long-context tiers (whole request)', 'Source'], rows) + (d.notes.length ? `\n${d.notes.join('\n')}` : '')
    })
  } finally {
    engine.close()
  }
}

function pricesCheck(flags: CommonFlags): void {
  const engine = openEngine(flags, systemTimeZone())
  try {
    const { pricer } = engine.reportContext()
    const rows = modelUsage(engine.db).filter((r) => !pricer.resolve(r.provider, r.modelRaw).priced)
    print(flags, { schemaVersion: 1, registryVersion: pricer.registryVersion, unpriced: rows.map((r) => ({ provider: r.provider, model: r.modelRaw, requests: r.requests, tokens: r.tokens })) }, () =>
      rows.length === 0
        ? `Every model in your usage has a price (registry ${pricer.registryVersion}).`
        : renderTable(['Provider', 'Model (unpriced)', 'Requests', 'Tokens'], rows.map((r) => [r.provider, r.modelRaw, fmtInt(r.requests), fmtInt(r.tokens)])) +
          '\nThese tokens are not in any cost. Price them with: tokenledger prices override set MODEL --input <usd> --output <usd>',
    )
  } finally {
    engine.close()
  }
}

async function overrideSet(model: string, flags: OverrideFlags): Promise<void> {
  const engine = openEngine(flags, systemTimeZone(), { ingest: false })
  try {
    const prices = Object.fromEntries(
      Object.entries({ input: usd(flags.input, '--input'), output: usd(flags.output, '--output'), cacheRead: usd(flags.cacheRead, '--cache-read'), cacheWrite5m: usd(flags.cacheWrite5m, '--cache-write-5m'), cacheWrite1h: usd(flags.cacheWrite1h, '--cache-write-1h') }).filter(([, v]) => v !== undefined),
    )
    const o = await edit((repo) => repo.addOverride(engine.db, { provider: providerFlag(flags), model, prices, effectiveFrom: flags.from ?? null, effectiveUntil: flags.to ?? null }))
    print(flags, o, () => `Override ${o.id} added: ${model} ${JSON.stringify(o.prices)} (USD/Mtok)${o.effectiveFrom || o.effectiveUntil ? ` from ${o.effectiveFrom ?? 'the start'} to ${o.effectiveUntil ?? 'now'}` : ''}. All history is re-priced.`)
  } finally {
    engine.close()
  }
}

function overrideList(flags: CommonFlags): void {
  const engine = openEngine(flags, systemTimeZone(), { ingest: false })
  try {
    const list = listOverrides(engine.db)
    print(flags, { schemaVersion: 1, overrides: list }, () =>
      list.length === 0 ? 'No price overrides.' : renderTable(['Id', 'Provider', 'Model', 'Prices (USD/Mtok)', 'From', 'To'], list.map((o) => [o.id, o.provider ?? 'any', o.model, JSON.stringify(o.prices), o.effectiveFrom ?? '', o.effectiveUntil ?? ''])),
    )
  } finally {
    engine.close()
  }
}

function plansCatalogue(flags: { json?: boolean }): void {
  print(flags, { schemaVersion: 1, plans: PLAN_CATALOGUE }, () =>
    renderTable(['Id', 'Plan', 'USD / month', 'USD / year', 'Covers', 'Confidence'], PLAN_CATALOGUE.map((p) => [p.id, p.name, p.monthlyUsd.toFixed(2), p.annualUsd?.toFixed(2) ?? '', p.providers.join(', '), p.confidence])),
  )
}

async function plansAdd(flags: CommonFlags & { catalogue?: string; name?: string; fee?: string; billing?: string; start?: string; end?: string; account?: string }): Promise<void> {
  const engine = openEngine(flags, systemTimeZone(), { ingest: false })
  try {
    if (flags.start === undefined) throw new UsageError('--start YYYY-MM-DD is required (the first day the plan covered)')
    const plan = await edit((repo) =>
      repo.addPlan(engine.db, {
        catalogueId: flags.catalogue ?? null,
        ...(flags.name === undefined ? {} : { name: flags.name }),
        ...(flags.provider === undefined ? {} : { provider: flags.provider }),
        ...(flags.fee === undefined ? {} : { feeUsd: usd(flags.fee, '--fee') }),
        billing: flags.billing,
        startDate: flags.start,
        endDate: flags.end ?? null,
        account: flags.account ?? null,
      }),
    )
    print(flags, plan, () => `Plan ${plan.id} added: ${plan.name}, $${plan.feeUsd} ${plan.billing}, covering ${plan.provider}${plan.account ? ` (${plan.account})` : ''} from ${plan.startDate}${plan.endDate ? ` to ${plan.endDate}` : ''}.`)
  } finally {
    engine.close()
  }
}

function plansList(flags: CommonFlags): void {
  const engine = openEngine(flags, systemTimeZone(), { ingest: false })
  try {
    const plans = listPlans(engine.db)
    const rules = listRules(engine.db)
    print(flags, { schemaVersion: 1, plans, rules }, () =>
      [
        plans.length === 0 ? 'No subscriptions: all usage is priced per token.' : renderTable(['Id', 'Plan', 'Fee', 'Covers', 'From', 'To'], plans.map((p) => [p.id, p.name, `$${p.feeUsd} ${p.billing}`, `${p.provider}${p.account ? ` (${p.account})` : ''}`, p.startDate, p.endDate ?? ''])),
        rules.length === 0
          ? 'Billing rules: default (a provider with an active plan is covered by it).'
          : renderTable(['Rule', 'Billing', 'Plan', 'Provider', 'Account', 'Project', 'From', 'To'], rules.map((r) => [r.id, r.billing, r.planId ?? '', r.provider ?? 'any', r.account ?? 'any', r.project ?? 'any', r.from ?? '', r.until ?? ''])),
      ].join('\n\n'),
    )
  } finally {
    engine.close()
  }
}

async function ruleAdd(flags: CommonFlags & { billing: string; plan?: string; account?: string; project?: string; from?: string; to?: string }): Promise<void> {
  const engine = openEngine(flags, systemTimeZone(), { ingest: false })
  try {
    const rule = await edit((repo) =>
      repo.addRule(engine.db, { billing: flags.billing, planId: flags.plan ?? null, provider: providerFlag(flags), account: flags.account ?? null, project: flags.project ?? null, from: flags.from ?? null, until: flags.to ?? null }),
    )
    print(flags, rule, () => `Rule ${rule.id} added: ${rule.billing === 'api' ? 'paid per token' : `covered by plan ${rule.planId ?? '(the active plan)'}`} for ${rule.provider ?? 'any provider'}${rule.account ? `, account ${rule.account}` : ''}${rule.project ? `, project ${rule.project}` : ''}.`)
  } finally {
    engine.close()
  }
}

async function removeById(kind: 'override' | 'plan' | 'rule', id: string, flags: CommonFlags): Promise<void> {
  const engine = openEngine(flags, systemTimeZone(), { ingest: false })
  try {
    const repo = await import('../pricing/pricing-repo.ts')
    const removed = kind === 'override' ? repo.removeOverride(engine.db, id) : kind === 'plan' ? repo.removePlan(engine.db, id) : repo.removeRule(engine.db, id)
    if (!removed) throw new UsageError(`no ${kind} with id ${id} (see \`tokenledger ${kind === 'override' ? 'prices override list' : 'plans list'}\`)`)
    print(flags, { schemaVersion: 1, removed: id }, () => `Removed ${kind} ${id}.`)
  } finally {
    engine.close()
  }
}
