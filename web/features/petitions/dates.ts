import dayjs, { type Dayjs } from 'dayjs'

/** The server takes and gives plain YYYY-MM-DD dates (China time); no time zones cross the wire. */
export const ISO_DATE = 'YYYY-MM-DD'

export function toIso(d: Dayjs | null | undefined): string | undefined {
  return d ? d.format(ISO_DATE) : undefined
}

export function fromIso(s: string | null | undefined): Dayjs | undefined {
  return s ? dayjs(s) : undefined
}

/** 0.873 → "87.3%"; rates arrive as fractions and are null when there was nothing to measure. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`
}
