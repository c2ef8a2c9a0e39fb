import type { Filler } from './filler.ts'
import type { Rng } from './prng.ts'

/**
 * Tool calls and their results. Results are the bulk of real transcripts' bytes (Read returns whole files,
 * Edit echoes the original file), so these decide the corpus' MB per request.
 */
type Json = Record<string, unknown>

export interface ToolUse {
  id: string
  name: string
  file: string
  block: Json
}

const TOOLS = ['Bash', 'Bash', 'Read', 'Read', 'Edit', 'Grep', 'Glob', 'Write', 'TodoWrite']

export function toolUse(rng: Rng, filler: Filler, name = rng.pick(TOOLS)): ToolUse {
  const id = 'toolu_01' + rng.b62(22)
  const file = `/home/dev/code/src/${rng.hex(6)}.ts`
  const input: Json =
    name === 'Bash' ? { command: filler.text(rng, rng.int(10, 200)), description: filler.text(rng, rng.int(10, 60)) }
    : name === 'Read' ? { file_path: file }
    : name === 'Edit' ? { file_path: file, old_string: filler.text(rng, rng.int(20, 800)), new_string: filler.text(rng, rng.int(20, 900)) }
    : name === 'Write' ? { file_path: file, content: filler.text(rng, rng.int(200, 3_000)) }
    : name === 'Task' ? { description: filler.text(rng, 30), prompt: filler.text(rng, rng.int(200, 1_500)), subagent_type: 'general-purpose' }
    : { pattern: filler.text(rng, rng.int(3, 40)), path: '/home/dev/code' }
  return { id, name, file, block: { type: 'tool_use', id, name, input } }
}

/** Tool output text and the `toolUseResult` side object Claude Code stores next to it. */
export function toolOutput(rng: Rng, filler: Filler, tool: ToolUse): { output: string; result: Json } {
  const huge = rng.chance(0.001)
  const len = huge ? rng.int(64_000, 256_000) : rng.chance(0.7) ? rng.int(40, 600) : rng.int(600, 3_000)
  const output = filler.text(rng, len)
  if (tool.name === 'Read') {
    const numLines = Math.max(1, Math.floor(len / 40))
    return { output, result: { type: 'text', file: { filePath: tool.file, content: output, numLines, startLine: 1, totalLines: numLines } } }
  }
  if (tool.name === 'Edit' || tool.name === 'Write') {
    const short = 'The file has been updated.'
    return { output: short, result: { filePath: tool.file, originalFile: output, structuredPatch: [], userModified: false } }
  }
  return { output, result: { stdout: output, stderr: '', interrupted: false, isImage: false } }
}
