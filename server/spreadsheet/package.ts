/**
 * First pass over an .xlsx package, before exceljs parses anything: enforces the size limits,
 * inflates every entry once to prove the declared sizes true, and collects what exceljs's
 * streaming reader does not give us: the sheet list in workbook order (with hidden state), each
 * sheet's merged ranges (listed after the rows in the XML, so a row-by-row reader meets them too
 * late) and each sheet's row count (so a row limit fails before the slow parse starts).
 */
import { type CellRange, parseRange } from './cells.js'
import { formatBytes, SpreadsheetError, unreadable } from './errors.js'
import { inflateEntry, listEntries, type ZipEntry } from './zip.js'

export interface ReadLimits {
  /** Upload size. Default 20 MB. */
  maxFileBytes: number
  /** Sum of the entries' inflated sizes. Default 200 MB. */
  maxUnpackedBytes: number
  /** Inflated ÷ compressed, checked once the package inflates past 8 MB. Default 100. */
  maxRatio: number
  /** Non-empty rows over all sheets. Default 200,000. */
  maxRows: number
  /** Characters in one cell (Excel's own limit). Default 32,767. */
  maxCellChars: number
  /** Cells held in memory after merged ranges are filled. Default 10,000,000. */
  maxCells: number
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  maxRows: 200_000,
  maxCellChars: 32_767,
  maxCells: 10_000_000,
}

export interface SheetInfo {
  name: string
  /** Path inside the zip, e.g. 'xl/worksheets/sheet1.xml'. */
  path: string
  hidden: boolean
  merges: CellRange[]
  /** `<row>` elements holding at least one cell. */
  rowCount: number
}

const RATIO_FLOOR = 8 * 1024 * 1024

/** Scans worksheet XML as it inflates, for `<row>` and `<mergeCell>` tags (ASCII, so latin1 is safe). */
class SheetScanner {
  rowCount = 0
  merges: CellRange[] = []
  private carry = ''

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1')
    let lastEnd = 0
    for (const m of text.matchAll(/<(row|mergeCell)\b([^>]*)>/g)) {
      lastEnd = m.index + m[0].length
      const attrs = m[2] ?? ''
      if (m[1] === 'row') {
        if (!attrs.endsWith('/')) this.rowCount++
        continue
      }
      const ref = /\bref\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1]
      const range = ref ? parseRange(ref) : null
      if (range) this.merges.push(range)
    }
    const open = text.lastIndexOf('<')
    // An unfinished tag at the end of the chunk is kept for the next one; attribute lists longer
    // than 4 KB are not row or merge tags.
    this.carry = open >= lastEnd && text.length - open < 4096 ? text.slice(open) : ''
  }
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase()
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x')
        ? Number.parseInt(lower.slice(2), 16)
        : Number.parseInt(lower.slice(1), 10)
      return code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? ''
  })
}

function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const value = m[2] ?? m[3]
    if (m[1] !== undefined && value !== undefined) map.set(m[1], decodeXml(value))
  }
  return map
}

/** Resolves a relationship target against 'xl/' the way Excel does ('/xl/…' is absolute). */
function resolveTarget(target: string): string {
  const parts = target.startsWith('/') ? [] : ['xl']
  for (const part of target.replace(/^\//, '').split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}

function sheetList(workbookXml: string, relsXml: string): { name: string; path: string; hidden: boolean }[] {
  const targets = new Map<string, string>()
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = attributes(m[1] ?? '')
    const id = a.get('Id')
    const target = a.get('Target')
    if (id && target && (a.get('Type') ?? '').endsWith('/worksheet')) targets.set(id, resolveTarget(target))
  }
  const sheets: { name: string; path: string; hidden: boolean }[] = []
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const a = attributes(m[1] ?? '')
    const relId = [...a].find(([k]) => k === 'id' || k.endsWith(':id'))?.[1]
    const path = relId ? targets.get(relId) : undefined
    const name = a.get('name')
    if (path && name !== undefined)
      sheets.push({ name, path, hidden: (a.get('state') ?? 'visible') !== 'visible' })
  }
  return sheets
}

/** Size limits, then what kind of package this is. */
function checkPackage(entries: ZipEntry[], limits: ReadLimits): void {
  let unpacked = 0
  let packed = 0
  for (const e of entries) {
    unpacked += e.uncompressedSize
    packed += e.compressedSize
  }
  if (unpacked > limits.maxUnpackedBytes) {
    throw new SpreadsheetError('sheet_too_large', {
      limit: formatBytes(limits.maxUnpackedBytes),
      unpacked: true,
    })
  }
  if (unpacked > RATIO_FLOOR && unpacked > packed * limits.maxRatio) {
    throw unreadable(
      `文件解压后的体积是压缩体积的 ${Math.round(unpacked / Math.max(packed, 1))} 倍，超过上限 ${limits.maxRatio} 倍，可能是恶意构造的文件`,
      `the file inflates ${Math.round(unpacked / Math.max(packed, 1))}-fold (limit ${limits.maxRatio}); it may be a zip bomb`,
    )
  }
  const names = new Set(entries.map((e) => e.name))
  if (names.has('xl/workbook.bin')) {
    throw unreadable(
      '这是 .xlsb（二进制工作簿），请在 Excel 中另存为 .xlsx',
      'this is an .xlsb binary workbook; save it as .xlsx in Excel',
    )
  }
  if (names.has('content.xml') && names.has('mimetype')) {
    throw unreadable(
      '这是 .ods 文件，请在 WPS 或 LibreOffice 中另存为 .xlsx',
      'this is an .ods file; save it as .xlsx in WPS or LibreOffice',
    )
  }
  if (!names.has('xl/workbook.xml')) throw unreadable('不是 .xlsx 文件', 'this is not an .xlsx file')
}

/**
 * Runs every check that can run before parsing; returns the sheets in workbook order and the zip
 * entries. Throws `SpreadsheetError` (`sheet_too_large`, `sheet_unreadable`, `sheet_too_many_rows`).
 */
export async function inspectPackage(
  buf: Buffer,
  limits: ReadLimits,
): Promise<{ sheets: SheetInfo[]; entries: ZipEntry[] }> {
  if (buf.length > limits.maxFileBytes) {
    throw new SpreadsheetError('sheet_too_large', { limit: formatBytes(limits.maxFileBytes) })
  }
  const entries = listEntries(buf)
  checkPackage(entries, limits)

  const texts = new Map<string, Buffer[]>()
  const scanners = new Map<string, SheetScanner>()
  let rows = 0
  for (const entry of entries) {
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)
    const keep = entry.name === 'xl/workbook.xml' || entry.name === 'xl/_rels/workbook.xml.rels'
    const scanner = isSheet ? new SheetScanner() : null
    if (scanner) scanners.set(entry.name, scanner)
    const kept: Buffer[] = []
    if (keep) texts.set(entry.name, kept)
    await inflateEntry(buf, entry, (chunk) => {
      if (keep) kept.push(chunk)
      scanner?.push(chunk)
    })
    rows += scanner?.rowCount ?? 0
    if (rows > limits.maxRows) throw new SpreadsheetError('sheet_too_many_rows', { limit: limits.maxRows })
  }
  const mergeCount = [...scanners.values()].reduce((n, s) => n + s.merges.length, 0)
  if (mergeCount > limits.maxRows) {
    throw unreadable('文件中的合并单元格过多', 'the file has too many merged ranges')
  }

  const workbookXml = Buffer.concat(texts.get('xl/workbook.xml') ?? []).toString('utf8')
  const relsXml = Buffer.concat(texts.get('xl/_rels/workbook.xml.rels') ?? []).toString('utf8')
  const sheets = sheetList(workbookXml, relsXml).map((s) => ({
    ...s,
    merges: scanners.get(s.path)?.merges ?? [],
    rowCount: scanners.get(s.path)?.rowCount ?? 0,
  }))
  return { sheets, entries }
}
