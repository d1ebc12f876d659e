/**
 * Reading one packed case row (figure-snapshot-repository.ts gives the layout) without cutting it
 * into strings. Dates become the integer YYYYMMDD, which orders exactly as the 'YYYY-MM-DD' text
 * the SQL compares; a date of any other shape is "odd", and then the SQL answers instead.
 */

/** A null date. */
export const NONE = 0
/** Flags per snapshot slot. A slot without LIVE is empty (never loaded, or the case was voided). */
export const LIVE = 1
export const DUPLICATE = 2
export const ACCUSATION = 4
/** A date not of the shape YYYY-MM-DD: the integer would not order as the text, so SQL answers. */
export const ODD = 8

const NOT_A_DIGIT = -1_000_000_000
const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : NOT_A_DIGIT
}

/** s[a..a+10) as 'YYYY-MM-DD' → YYYYMMDD, or -1 when it is not of that shape. */
function dayAt(s: string, a: number): number {
  if (s.charCodeAt(a + 4) !== 45 || s.charCodeAt(a + 7) !== 45) return -1
  const year = digit(s, a) * 1000 + digit(s, a + 1) * 100 + digit(s, a + 2) * 10 + digit(s, a + 3)
  const v =
    year * 10_000 + (digit(s, a + 5) * 10 + digit(s, a + 6)) * 100 + digit(s, a + 8) * 10 + digit(s, a + 9)
  // A non-digit makes v hugely negative; 0000-00-00 would read as NONE.
  return v > 0 ? v : -1
}

/** 'YYYY-MM-DD' → YYYYMMDD; null → NONE; anything else → -1 (odd). */
export function dayNumber(s: string | null): number {
  if (s === null) return NONE
  return s.length === 10 ? dayAt(s, 0) : -1
}

/** YYYYMMDD → 'YYYY-MM-DD' (only ever called on numbers made by dayNumber). */
export function dayText(v: number): string {
  const s = String(v).padStart(8, '0')
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`
}

export const SEPARATORS = 13 // before the scope path, which is the rest of the text
/** Where the separators of the row being read are (sep[0] = -1 stands for the start). */
export const sep = new Int32Array(SEPARATORS + 1)
export const VOIDED = 16

export function splitFields(s: string): boolean {
  sep[0] = -1
  for (let k = 1; k <= SEPARATORS; k++) {
    const at = s.indexOf('|', (sep[k - 1] as number) + 1)
    if (at < 0) return false
    sep[k] = at
  }
  return true
}
export const begin = (k: number) => (sep[k] as number) + 1
export const end = (k: number) => sep[k + 1] as number

/** Field k as a date: '-' is null. */
export function dateField(s: string, k: number): number {
  const a = begin(k)
  const n = end(k) - a
  if (n === 1 && s.charCodeAt(a) === 45) return NONE
  return n === 10 ? dayAt(s, a) : -1
}

/** Field k as an integer: empty is null (-1 here; ids are positive). */
export function intField(s: string, k: number): number {
  const a = begin(k)
  const b = end(k)
  if (a === b) return -1
  let v = 0
  for (let i = a; i < b; i++) v = v * 10 + digit(s, i)
  return v
}

/** The marks field (12): A accusation, D linked repeat, V voided; anything else is odd. */
export function markField(s: string): number {
  let m = 0
  for (let i = begin(12); i < end(12); i++) {
    const c = s.charCodeAt(i)
    m |= c === 65 ? ACCUSATION : c === 68 ? DUPLICATE : c === 86 ? VOIDED : ODD
  }
  return m
}
