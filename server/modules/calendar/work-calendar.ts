/**
 * The working-day calendar in force: the State Council's holiday schedule as the `chinese-days`
 * package ships it (2004 to the latest published year), corrected by admin overrides. Cached per
 * database and dropped whenever an override changes; a minute's TTL covers other processes.
 */
import { createRequire } from 'node:module'
import { makeCalendar, type WorkCalendar } from '../../../domain/calendar/calendar.js'
import type { Tx } from '../../context.js'
import { listLiveOverrides } from './repository.js'

interface BuiltinData {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

let builtin: BuiltinData | undefined
/** `{date: 'English,中文,n'}`: the package's own JSON, read once. */
export function builtinDays(): BuiltinData {
  builtin ??= createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as BuiltinData
  return builtin
}

export function builtinName(date: string): string | null {
  const d = builtinDays()
  const raw = d.holidays[date] ?? d.workdays[date]
  return raw ? (raw.split(',')[1] ?? null) : null
}

export interface CalendarOverride {
  date: string
  kind: 'holiday' | 'workday' | 'normal'
}

export function buildCalendar(overrides: readonly CalendarOverride[]): WorkCalendar {
  const d = builtinDays()
  const holidays = new Set(Object.keys(d.holidays))
  const workdays = new Set(Object.keys(d.workdays))
  for (const o of overrides) {
    holidays.delete(o.date)
    workdays.delete(o.date)
    if (o.kind === 'holiday') holidays.add(o.date)
    if (o.kind === 'workday') workdays.add(o.date)
  }
  return makeCalendar({ holidays, workdays })
}

const TTL_MS = 60_000
const cache = new WeakMap<object, { at: number; cal: WorkCalendar }>()

export async function workCalendar(db: Tx): Promise<WorkCalendar> {
  const hit = cache.get(db)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.cal
  const cal = buildCalendar(await listLiveOverrides(db))
  // Only cache on the database handle itself, never on a transaction that may roll back.
  if (!('isTransaction' in db && db.isTransaction)) cache.set(db, { at: Date.now(), cal })
  return cal
}

export function forgetCalendar(db: object): void {
  cache.delete(db)
}
