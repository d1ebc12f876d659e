/**
 * Finds the header row of a real-world ledger: below a merged title ("XX统计表"), a
 * "填报单位：… 统计截至：…" line, sometimes two rows deep (信访人 → 姓名 / 身份证号码 / 联系电话),
 * with stray spaces, `*` marks, "（必填）" and full-width brackets in the labels.
 *
 * No row is special-cased: every row of the first 30 is scored by how many known columns its
 * labels name, alone and combined with the row below it as a two-level header. Title and
 * "填报单位" rows name no column, so they lose by themselves.
 */
import { type Cell, cellToText, columnLetter, isBlank } from './cells.js'
import { SpreadsheetError } from './errors.js'

export interface HeaderColumn {
  field: string
  header: string
  headerEn?: string
  aliases?: readonly string[]
  required?: boolean
}

export interface HeaderMatch {
  /** First header row, 0-based (Excel row = index + 1). */
  headerRowIndex: number
  /** 2 for a two-level header. */
  headerRowCount: 1 | 2
  /** First row after the header (and after a column-number row such as 1 2 3 …, if any). */
  dataStartIndex: number
  /** field → 0-based column index. */
  columnMap: Map<string, number>
  /** Each column's label as shown, children as "信访人/姓名". */
  labels: string[]
  /** Labelled columns no spec claims; imports ignore them (e.g. a previous "错误说明" column). */
  unknownColumns: { index: number; letter: string; label: string }[]
  /** Fields of required columns that were not found. */
  missingRequired: string[]
}

export interface FindHeaderOptions {
  /** How many rows from the top may hold the header. Default 30. */
  maxScanRows?: number
}

/**
 * The comparison form of a label: NFKC (full-width brackets, letters and digits become half-width),
 * no whitespace of any kind, no `*` or "(必填)"/"(选填)" marks, no trailing colon, lower case.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '')
    .replace(/\*/g, '')
    .replace(/\((?:必填|选填|可选)\)/g, '')
    .replace(/:$/, '')
    .toLowerCase()
}

interface Label {
  /** Normalised full label: "信访人/姓名", or just "序号". */
  full: string
  /** Normalised child label of a two-level header ("姓名"), else null. */
  child: string | null
  shown: string
  /** In a two-level reading: the label is the upper row's own (a single-level column beside the groups). */
  parentOnly?: boolean
}

function cellLabel(cell: Cell | undefined): string {
  return cell === undefined || isBlank(cell) ? '' : cellToText(cell).trim()
}

function singleLabels(row: Cell[]): Label[] {
  return row.map((cell) => {
    const shown = cellLabel(cell)
    return { full: normalizeLabel(shown), child: null, shown }
  })
}

/** Parent row above child row; a vertically merged single-level header reads the same in both. */
function doubleLabels(parentRow: Cell[], childRow: Cell[]): Label[] {
  const width = Math.max(parentRow.length, childRow.length)
  const labels: Label[] = []
  for (let c = 0; c < width; c++) {
    const parent = cellLabel(parentRow[c])
    const child = cellLabel(childRow[c])
    const p = normalizeLabel(parent)
    const ch = normalizeLabel(child)
    if (!ch || ch === p) labels.push({ full: p, child: null, shown: parent, parentOnly: p !== '' })
    else if (!p) labels.push({ full: ch, child: null, shown: child })
    else labels.push({ full: `${p}/${ch}`, child: ch, shown: `${parent}/${child}` })
  }
  return labels
}

interface Scored {
  map: Map<string, number>
  total: number
  required: number
  /** Matches on labels the upper row of a two-level reading holds by itself. */
  parentOnly: number
}

/** Full-label matches first, then child-only matches; each file column serves one spec column. */
function match(labels: Label[], columns: readonly HeaderColumn[]): Scored {
  const map = new Map<string, number>()
  const used = new Set<number>()
  // headerEn too, so a template downloaded in English imports again.
  const names = columns.map(
    (col) => new Set([col.header, col.headerEn ?? col.header, ...(col.aliases ?? [])].map(normalizeLabel)),
  )
  for (const pass of ['full', 'child'] as const) {
    columns.forEach((col, i) => {
      if (map.has(col.field)) return
      const index = labels.findIndex((l, c) => {
        const text = pass === 'full' ? l.full : l.child
        return !used.has(c) && text !== null && text !== '' && names[i]?.has(text) === true
      })
      if (index < 0) return
      map.set(col.field, index)
      used.add(index)
    })
  }
  const required = columns.filter((c) => c.required && map.has(c.field)).length
  const parentOnly = [...map.values()].filter((i) => labels[i]?.parentOnly).length
  return { map, total: map.size, required, parentOnly }
}

/** A row of column numbers (1 2 3 … or 甲 乙 丙 …) that statistical forms put under the header. */
function isColumnNumberRow(row: Cell[] | undefined): boolean {
  if (!row) return false
  const values = row.filter((c) => !isBlank(c)).map((c) => cellToText(c).trim())
  if (values.length < 3) return false
  const numbered = values.every((v, i) => v === String(i + 1))
  const stems = '甲乙丙丁戊己庚辛壬癸'
  const lettered = values.every((v, i) => v === stems[i])
  return numbered || lettered
}

/** `sheet_no_header`, naming the required columns (or all, when none is required). */
export function noHeaderError(columns: readonly HeaderColumn[], rows = 30): SpreadsheetError {
  const required = columns.filter((c) => c.required)
  const shown = required.length > 0 ? required : columns
  return new SpreadsheetError('sheet_no_header', {
    rows,
    columns: shown.map((c) => c.header).join('、'),
    columnsEn: shown.map((c) => c.headerEn ?? c.header).join(', '),
  })
}

/**
 * Locates the header among the first rows and maps each spec column to a file column.
 * Throws `sheet_no_header` when no row names at least half of the required columns.
 */
export function findHeader(
  rows: Cell[][],
  columns: readonly HeaderColumn[],
  options: FindHeaderOptions = {},
): HeaderMatch {
  const maxScan = options.maxScanRows ?? 30
  const requiredCount = columns.filter((c) => c.required).length
  const needRequired = requiredCount === 0 ? 0 : Math.max(1, Math.ceil(requiredCount / 2))
  const needTotal = Math.min(2, columns.length)

  type Candidate = { index: number; count: 1 | 2; labels: Label[]; scored: Scored }
  let best: Candidate | undefined
  for (let r = 0; r < Math.min(maxScan, rows.length); r++) {
    const row = rows[r] ?? []
    if (row.every((c) => isBlank(c))) continue
    const single = singleLabels(row)
    let candidate: Candidate = { index: r, count: 1, labels: single, scored: match(single, columns) }
    const below = rows[r + 1]
    if (below?.some((c) => !isBlank(c))) {
      // A real parent row also holds single-level columns (序号 merged down, or with nothing
      // below); a title or "填报单位" row above the header holds none and is not a parent.
      const double = doubleLabels(row, below)
      const scored = match(double, columns)
      if (scored.total > candidate.scored.total && scored.parentOnly > 0) {
        candidate = { index: r, count: 2, labels: double, scored }
      }
    }
    const s = candidate.scored
    if (s.required < needRequired || s.total < needTotal) continue
    if (!best || s.total > best.scored.total) best = candidate
  }

  if (!best) throw noHeaderError(columns, maxScan)

  const { index, count, labels, scored } = best
  const claimed = new Set(scored.map.values())
  let dataStartIndex = index + count
  if (isColumnNumberRow(rows[dataStartIndex])) dataStartIndex++
  return {
    headerRowIndex: index,
    headerRowCount: count,
    dataStartIndex,
    columnMap: scored.map,
    labels: labels.map((l) => l.shown),
    unknownColumns: labels.flatMap((l, i) =>
      l.full && !claimed.has(i) ? [{ index: i, letter: columnLetter(i), label: l.shown }] : [],
    ),
    missingRequired: columns.filter((c) => c.required && !scored.map.has(c.field)).map((c) => c.field),
  }
}
