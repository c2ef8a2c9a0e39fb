/** The daily chart's size, shared by the lazily loaded bars and the placeholder shown until they arrive. */
export const CHART_SIZE = { width: 348, height: 120 } as const
