import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { DrillRoute } from '../store.ts'

/** Heading of a drilldown screen: what is being broken down, and into what. */
export function drillTitle(route: DrillRoute): string {
  switch (route.level) {
    case 'providers':
      return 'All providers'
    case 'models':
      return `${PROVIDER_LABELS[route.provider]} · models`
    case 'projects':
      return `${route.model} · projects`
    case 'sessions':
      return `${projectName(route.project)} · sessions`
    default:
      return route satisfies never
  }
}

/** Projects are often full paths; the last segment is what fits in a heading. */
export function projectName(project: string): string {
  const parts = project.split(/[\\/]/).filter((p) => p !== '')
  return parts.at(-1) ?? project
}
