import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api'
import type { CalendarYear, DayKind } from './types'

const calendarKey = ['calendar'] as const

export function useCalendar(year: number) {
  return useQuery({
    queryKey: [...calendarKey, year],
    queryFn: ({ signal }) => api.get<CalendarYear>('/api/calendar', { year }, signal),
  })
}

/**
 * Both writes answer with the year's calendar, which replaces the cached one. Petition deadlines
 * move with the calendar, so the petitions cache is refreshed too.
 */
function useCalendarMutation<V>(fn: (v: V) => Promise<CalendarYear>) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (cal) => {
      qc.setQueryData([...calendarKey, cal.year], cal)
      return qc.invalidateQueries({ queryKey: ['petitions'] })
    },
  })
}

export const usePutOverride = () =>
  useCalendarMutation((body: { date: string; kind: DayKind; name?: string }) =>
    api.post<CalendarYear>('/api/calendar/overrides', body),
  )

export const useRemoveOverride = () =>
  useCalendarMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<CalendarYear>(`/api/calendar/overrides/${id}/void`, { reason }),
  )
