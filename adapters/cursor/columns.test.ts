import { describe, expect, it } from 'vitest'
import { readHeader } from './columns.ts'

const split = (header: string): string[] => header.split(',')
/** The header cells whose positions were found, by column name. */
function located(header: string): Record<string, string | null> {
  const cells = split(header)
  const r = readHeader(cells)
  if ('problem' in r) return { problem: r.problem }
  const { width: _, ...cols } = r.columns
  return Object.fromEntries(Object.entries(cols).map(([k, i]) => [k, i === null ? null : cells[i]!]))
}

const TOKENS = 'Input (w/ Cache Write),Input (w/o Cache Write),Cache Read,Output Tokens'
const BASE = { date: 'Date', model: 'Model', cacheWrite: 'Input (w/ Cache Write)', input: 'Input (w/o Cache Write)', cacheRead: 'Cache Read', output: 'Output Tokens' }

describe('readHeader: columns by name in every header variant', () => {
  it.each([
    ['old, with "Cost to you"', `Date,Model,${TOKENS},Total Tokens,Cost,Cost to you`, { total: 'Total Tokens', cost: 'Cost', kind: null, maxMode: null, user: null }],
    ['with Kind and Max Mode', `Date,Kind,Model,Max Mode,${TOKENS},Total Tokens,Cost`, { total: 'Total Tokens', cost: 'Cost', kind: 'Kind', maxMode: 'Max Mode', user: null }],
    ['with Cloud Agent ID and Automation ID', `Date,Cloud Agent ID,Automation ID,Kind,Model,Max Mode,${TOKENS},Total Tokens,Cost`, { total: 'Total Tokens', cost: 'Cost', kind: 'Kind', maxMode: 'Max Mode', user: null }],
    ['team, with User', `Date,User,Kind,Model,Max Mode,${TOKENS},Total Tokens,Cost`, { total: 'Total Tokens', cost: 'Cost', kind: 'Kind', maxMode: 'Max Mode', user: 'User' }],
    ['minimal (no total, no cost)', `Date,Model,${TOKENS}`, { total: null, cost: null, kind: null, maxMode: null, user: null }],
    ['names in another case and spacing', `date, MODEL ,input (w/ cache write),Input  (w/o Cache Write),cache read,OUTPUT TOKENS`, { total: null, cost: null, kind: null, maxMode: null, user: null }],
  ])('%s', (_, header, optional) => {
    const cells = split(header)
    const name = (k: keyof typeof BASE): string => cells.find((c) => c.trim().replace(/\s+/g, ' ').toLowerCase() === BASE[k].toLowerCase())!
    expect(located(header)).toEqual({ ...Object.fromEntries(Object.keys(BASE).map((k) => [k, name(k as keyof typeof BASE)])), ...optional })
  })

  it.each([
    ['another CSV', 'id,name,email', 'missing columns "Date", "Model", "Input (w/ Cache Write)", "Input (w/o Cache Write)", "Cache Read", "Output Tokens"'],
    ['one token column missing', `Date,Model,Input (w/ Cache Write),Input (w/o Cache Write),Cache Read`, 'missing column "Output Tokens"'],
    ["Cursor's per-model summary", `Model,Request Count,${TOKENS},Total Tokens,Cost ($)`, "this is Cursor's per-model summary (it has no Date column); export the usage events instead"],
  ])('%s is not a usage export', (_, header, problem) => {
    expect(readHeader(split(header))).toEqual({ problem })
  })
})
