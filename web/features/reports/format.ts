/** Small pure helpers of the report pages (tested in format.test.ts). */
import type { PeriodKind, Problem } from './types'

/**
 * The line and column a server message names ("第 3 行第 1 列：…", "Line 3, column 1: …",
 * liquidjs' "line:3, col:1"), so a refusal can point at the source; null when it names none.
 */
export function problemFromMessage(message: string): Problem | null {
  const m =
    /第\s*(\d+)\s*行第\s*(\d+)\s*列[：:]?\s*/.exec(message) ??
    /line[:\s]\s*(\d+),\s*col(?:umn)?[:\s]\s*(\d+)[:：]?\s*/i.exec(message)
  if (!m) return null
  const rest = (message.slice(0, m.index) + message.slice(m.index + m[0].length)).trim()
  return { line: Number(m[1]), col: Number(m[2]), message: rest.replace(/[,，]\s*$/, '') || message }
}

/** The period of a template's kind that holds today: 2026, 2026-H2, 2026-Q4 or 2026-11. */
export function defaultPeriod(kind: PeriodKind | string | undefined, today: string): string {
  const year = today.slice(0, 4)
  const month = Number(today.slice(5, 7))
  if (kind === 'month') return today.slice(0, 7)
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`
  if (kind === 'half') return `${year}-H${month <= 6 ? 1 : 2}`
  return year
}

/** A new template's key from nothing: letters, digits and underscores, starting with a letter. */
export const TEMPLATE_KEY = /^[a-z][a-z0-9_]{1,63}$/
