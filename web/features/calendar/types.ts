/** Shapes of /api/calendar (server/modules/calendar/schema.ts). */
export type DayKind = 'holiday' | 'workday' | 'normal'

export interface CalendarDay {
  date: string
  /** holiday: a public holiday rest day; workday: a make-up working day (调休上班); normal: the usual rule. */
  kind: DayKind
  name: string | null
  source: 'builtin' | 'override'
  overrideId: number | null
}

export interface CalendarYear {
  year: number
  /** Whether the built-in data has the State Council's schedule for this year. */
  published: boolean
  /** Only the days that differ from "Monday–Friday work, weekend rest". */
  days: CalendarDay[]
}
