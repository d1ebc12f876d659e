/**
 * The plain cell model every other file in this folder works with, and A1-address helpers.
 *
 * Readers turn whatever exceljs produced (formulas, rich text, hyperlinks, shared strings) into one
 * of these five shapes once, so parsers and the import runner never see library objects.
 */

/** A cell as the user saw it: formulas already replaced by their cached result. */
export type Cell = string | number | boolean | Date | null

/** A rectangle of cells, 0-based and inclusive on every side (A1 is row 0, column 0). */
export interface CellRange {
  top: number
  left: number
  bottom: number
  right: number
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. Excel's own column names, for messages users can act on. */
export function columnLetter(index: number): string {
  let n = index + 1
  let out = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    out = String.fromCharCode(65 + rem) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

/** 'A' → 0, 'AA' → 26; -1 for anything that is not a column name. */
export function columnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return -1
  let n = 0
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

/** Parses 'B3' or 'A1:Q2' (the form `<mergeCell ref>` uses); null when malformed. */
export function parseRange(ref: string): CellRange | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim().toUpperCase())
  if (!m?.[1] || !m[2]) return null
  const left = columnIndex(m[1])
  const top = Number(m[2]) - 1
  const right = m[3] ? columnIndex(m[3]) : left
  const bottom = m[4] ? Number(m[4]) - 1 : top
  if (left < 0 || right < 0 || top < 0 || bottom < 0) return null
  return {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  }
}

/** 'C', 4 (0-based row) → 'C5'. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`
}

/** Empty, or only whitespace (including the full-width space U+3000 that Chinese users type). */
export function isBlank(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true
  if (typeof cell === 'string') return cell.trim() === ''
  if (typeof cell === 'number') return Number.isNaN(cell)
  return false
}

/** A short printable form of a cell for messages ("你填的是 …"). */
export function cellToText(cell: Cell): string {
  if (cell === null) return ''
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)
  return String(cell)
}
