import type { SourceFileRef } from '../../common/adapter-contract.ts'
import { isRecord, nonEmptyString, timeMs, type JsonRecord } from './json.ts'

export interface ThreadFacts {
  /** `id` (`T-<uuid>`), else the file name stem (the same string). */
  readonly threadId: string
  /** `created` (epoch ms): the time of last resort for a message that carries none. */
  readonly createdMs: number | null
  /** The working tree the thread ran in, when recorded (`env.initial.trees[0].uri`, a `file://` URI). */
  readonly project: string | null
}

export function threadFacts(thread: JsonRecord, file: SourceFileRef): ThreadFacts {
  const name = file.path.replaceAll('\\', '/').split('/').at(-1) ?? ''
  return {
    threadId: nonEmptyString(thread['id']) ?? name.replace(/\.json$/, ''),
    createdMs: timeMs(thread['created']),
    project: projectOf(thread['env']),
  }
}

function projectOf(env: unknown): string | null {
  const initial = isRecord(env) ? env['initial'] : undefined
  const trees = isRecord(initial) ? initial['trees'] : undefined
  const tree: unknown = Array.isArray(trees) ? trees[0] : undefined
  if (!isRecord(tree)) return null
  const uri = nonEmptyString(tree['uri'])
  return (uri === null ? null : filePath(uri)) ?? nonEmptyString(tree['displayName'])
}

/** `file:///home/dev/shop` → `/home/dev/shop`; `file:///C:/src/app` → `C:/src/app`; other schemes → null. */
function filePath(uri: string): string | null {
  if (!uri.startsWith('file://')) return null
  try {
    const pathname = decodeURIComponent(new URL(uri).pathname)
    return /^\/[A-Za-z]:/.test(pathname) ? pathname.slice(1) : pathname
  } catch {
    return null
  }
}
