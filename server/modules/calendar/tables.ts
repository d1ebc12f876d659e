/** Admin corrections to the built-in working-day calendar. */
import type { Generated } from 'kysely'
import type { Timestamp } from '../../db/schema.js'

export interface CalendarOverrideTable {
  id: Generated<number>
  date: string
  kind: 'holiday' | 'workday' | 'normal'
  name: string | null
  created_by: number | null
  created_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

declare module '../../db/schema.js' {
  interface Database {
    calendar_overrides: CalendarOverrideTable
  }
}
