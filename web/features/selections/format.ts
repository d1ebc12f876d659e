import dayjs, { type Dayjs } from 'dayjs'

/** The server takes and gives plain YYYY-MM-DD dates (China time); no time zones cross the wire. */
export const toIso = (d: Dayjs | null | undefined): string | undefined =>
  d ? d.format('YYYY-MM-DD') : undefined

export const fromIso = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined)

/** An ISO timestamp as local minutes. */
export const atMinute = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—'

/** A score as the ledger prints it: up to two decimals, a dash when there is none. */
export const scoreText = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : String(Math.round(x * 100) / 100)
