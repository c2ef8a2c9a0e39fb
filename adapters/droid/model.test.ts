import { describe, expect, it } from 'vitest'
import { createPricer } from '../../engine/pricing/pricer.ts'
import { droidModel } from './model.ts'

describe('droidModel', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929'],
    ['custom:Claude-Opus-4.5-Thinking-[Anthropic]-0', 'custom:Claude-Opus-4.5-Thinking-[Anthropic]-0'],
    ['  gpt-5-codex ', 'gpt-5-codex'],
    ['Claude Opus 4.5 Thinking [Anthropic]', 'Claude-Opus-4.5-Thinking-[Anthropic]'],
    ['', 'unknown'],
    [null, 'unknown'],
    [42, 'unknown'],
  ])('%j → %s', (raw, model) => {
    expect(droidModel(raw)).toBe(model)
  })
})

/** The pricing layer resolves Droid's spellings; these are the names Droid writes (agent-formats.md §7.2). */
describe('Droid model strings as priced', () => {
  const pricer = createPricer([])

  it.each([
    ['custom:Claude-Opus-4.5-Thinking-[Anthropic]-0', 'claude-opus-4-5'],
    ['custom:Claude-Sonnet-4.5-[Anthropic]-1', 'claude-sonnet-4-5'],
    ['Claude Opus 4.5 Thinking [Anthropic]', 'claude-opus-4-5'],
    ['claude-opus-4-5-thinking', 'claude-opus-4-5'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['gpt-5-codex', 'gpt-5'],
    ['custom:GPT-5.1-Codex-[OpenAI]-0', 'gpt-5.1'],
    ['glm-4.6', 'glm-4.6'],
    ['custom:GLM-4.6-[Fireworks]-0', 'glm-4.6'],
    ['custom:Gemini-2.5-Pro-[Google]-0', 'gemini-2.5-pro'],
    ['custom:Kimi-K2-[Fireworks]-2', 'kimi-k2'],
  ])('%s is priced as %s', (raw, canonical) => {
    expect(pricer.resolve('droid', droidModel(raw))).toMatchObject({ canonical, priced: true })
  })

  it.each([
    // Why the adapter does NOT turn dots into dashes or keep the bare counter, as other readers do:
    ['glm-4-6'],
    ['gemini-2-5-pro'],
    ['claude-opus-4-5-thinking-0'],
    ['unknown'],
  ])('%s stays unpriced', (raw) => {
    expect(pricer.resolve('droid', raw).priced).toBe(false)
  })
})
