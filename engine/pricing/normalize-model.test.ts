import { describe, expect, it } from 'vitest'
import { candidateNames, stripDateSuffix, stripVariant, surfaceName } from './normalize-model.ts'

describe('surfaceName', () => {
  it.each([
    ['Claude-Sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929', null, false],
    ['anthropic/claude-sonnet-4-5', 'claude-sonnet-4-5', 'anthropic', false],
    ['openai/gpt-5', 'gpt-5', 'openai', false],
    ['openrouter/anthropic/claude-sonnet-4.5', 'claude-sonnet-4.5', 'anthropic', false],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5-20250929', 'anthropic', false],
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude-3-5-sonnet-20240620', 'anthropic', false],
    ['global.anthropic.claude-opus-4-1-20250805-v1:0', 'claude-opus-4-1-20250805', 'anthropic', false],
    ['claude-sonnet-4-5@20250929', 'claude-sonnet-4-5', null, false],
    ['claude-opus-4-6[1m]', 'claude-opus-4-6', null, false],
    ['custom:Claude-Opus-4.5-Thinking-[Anthropic]-0', 'claude-opus-4.5-thinking', 'anthropic', false],
    ['composer-2.5[fast=true]', 'composer-2.5', null, true],
    ['composer-2.5[fast=false]', 'composer-2.5', null, false],
    ['  gpt-5  ', 'gpt-5', null, false],
  ])('%s → %s', (raw, name, vendorHint, fast) => {
    expect(surfaceName(raw)).toEqual({ name, vendorHint, fast })
  })
})

describe('stripDateSuffix', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['gpt-5-2025-08-07', 'gpt-5'],
    ['gpt-5-2025-0807', null], // mixed separators are not a date suffix
    ['gpt-4-0613', null], // four digits are a snapshot id, not a date
    ['claude-sonnet-4-5-20251399', null], // month 13
    ['gpt-5', null],
  ])('%s → %s', (name, expected) => {
    expect(stripDateSuffix(name)).toBe(expected)
  })
})

describe('stripVariant', () => {
  it.each([
    ['gpt-5-high', { base: 'gpt-5', kind: 'effort' }],
    ['gpt-5.1-codex-max-xhigh', { base: 'gpt-5.1-codex-max', kind: 'effort' }],
    ['gpt-5-minimal', { base: 'gpt-5', kind: 'effort' }],
    ['o3-low', { base: 'o3', kind: 'effort' }],
    ['claude-4.5-sonnet-thinking', { base: 'claude-4.5-sonnet', kind: 'thinking' }],
    ['claude-opus-4-6-fast', { base: 'claude-opus-4-6', kind: 'fast' }],
    // `-fast` outside Claude names a separate, separately priced model: never peeled.
    ['grok-5-fast', null],
    ['composer-3-fast', null],
    // Effort suffixes only on OpenAI-style names.
    ['gemini-2.5-pro-high', null],
  ])('%s → %j', (name, expected) => {
    expect(stripVariant(name)).toEqual(expected)
  })
})

describe('candidateNames', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'], -1],
    ['claude-opus-4-6-fast', ['claude-opus-4-6-fast', 'claude-opus-4-6'], 1],
    ['composer-2.5[fast=true]', ['composer-2.5-fast'], -1],
    ['gpt-5.4-mini', ['gpt-5.4-mini'], -1],
    ['gpt-5.4-mini-high', ['gpt-5.4-mini-high', 'gpt-5.4-mini'], -1],
    ['claude-opus-4-1-20250805-fast', ['claude-opus-4-1-20250805-fast', 'claude-opus-4-1-20250805', 'claude-opus-4-1'], 1],
  ])('%s tries %j', (raw, keys, fastFrom) => {
    const c = candidateNames(raw)
    expect(c.keys).toEqual(keys)
    expect(c.fastFrom).toBe(fastFrom)
  })
})

describe('hostile input', () => {
  it('gives a 100,000-character model string no candidates beyond itself', () => {
    const raw = '['.repeat(100_000)
    expect(candidateNames(raw).keys).toEqual([raw])
  })
})
