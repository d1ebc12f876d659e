/**
 * The ledgers' "today", from the server's clock (GET /api/today, China time). Forms default to it
 * and refuse later dates with it; the browser's own clock is never asked, because a PC whose clock
 * is a day off would otherwise send dates the rules refuse. The Shell renders no page before the
 * first answer, so below the Shell the date is always known.
 */
import { useQuery } from '@tanstack/react-query'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { api } from '../api'

export const todayKey = ['today'] as const

export function useServerToday() {
  return useQuery({
    queryKey: todayKey,
    queryFn: ({ signal }) => api.get<{ today: string; now: string }>('/api/today', undefined, signal),
    // Midnight passes while a page stays open: ask again now and then, and when the tab returns.
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
    refetchOnWindowFocus: true,
  })
}

/** Today as 'YYYY-MM-DD'. */
export function useToday(): string {
  const { data } = useServerToday()
  if (!data) throw new Error('useToday() used outside the Shell, before the server date is known')
  return data.today
}

/** Today as a day for date pickers, and the rule every "not after today" picker shares. */
export function useTodayDay(): { today: Dayjs; afterToday: (d: Dayjs) => boolean } {
  const iso = useToday()
  // Stable between renders while the date stays, so effects may depend on it.
  return useMemo(() => {
    const today = dayjs(iso)
    return { today, afterToday: (d: Dayjs) => d.isAfter(today, 'day') }
  }, [iso])
}
