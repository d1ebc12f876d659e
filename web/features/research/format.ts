import dayjs, { type Dayjs } from 'dayjs'

/** The server takes and gives plain YYYY-MM-DD dates (China time); no time zones cross the wire. */
export const toIso = (d: Dayjs | null | undefined): string | undefined =>
  d ? d.format('YYYY-MM-DD') : undefined

export const fromIso = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined)

/** An ISO timestamp as local minutes. */
export const atMinute = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')

/** 0.873 → "87.3%"; null when there was nothing to measure. */
export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`
