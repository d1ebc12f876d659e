/**
 * Reading a bureau's own workbook into ledger rows: every sheet whose header names the ledger's
 * columns (one sheet per year is common), the header found below title rows, merged cells filled
 * down, money in the unit the header states, blank and 合计 rows skipped. Shared by the mapping
 * preview and the import job; writes nothing.
 */
import type { InputValue } from '../../../domain/statistics/columns.js'
import { buildRow, type RowDraft } from '../../../domain/statistics/row.js'
import type { Actor, Tx } from '../../context.js'
import { t } from '../../http/i18n.js'
import { columnLetter } from '../../spreadsheet/cells.js'
import { SpreadsheetError } from '../../spreadsheet/errors.js'
import { findHeader, type HeaderMatch } from '../../spreadsheet/header.js'
import { type ImportError, type ImportResult, parseSheet } from '../../spreadsheet/import.js'
import type { MoneyUnit } from '../../spreadsheet/parse-money.js'
import { type RawSheet, readWorkbook } from '../../spreadsheet/read.js'
import { homeCityOf, type UnitRef } from './access.js'
import type { Ledger } from './definition.js'
import { ledgerColumns, unitInHeader } from './import-spec.js'
import { liveUnitsNamed } from './repository.js'
import type { ImportMapping } from './schema.js'

export interface SheetRows {
  sheet: RawSheet
  header: HeaderMatch
  units: Record<string, MoneyUnit>
  parsed: ImportResult<Record<string, unknown>>
  /** Rows that became drafts, with their Excel row. */
  drafts: { excelRow: number; draft: RowDraft }[]
  /** Parse errors and row problems, with row and column. */
  errors: ImportError[]
}

/** The sheets that carry the ledger, in file order (visible first): each with its header. */
export async function ledgerSheets(ledger: Ledger, mapping: ImportMapping, bytes: Buffer) {
  const sheets = await readWorkbook(bytes)
  const columns = ledgerColumns(ledger, mapping)
  const found: { sheet: RawSheet; header: HeaderMatch }[] = []
  let firstError: unknown
  for (const sheet of [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)]) {
    try {
      found.push({ sheet, header: findHeader(sheet.rows, columns) })
    } catch (err) {
      if (!(err instanceof SpreadsheetError) || err.code !== 'sheet_no_header') throw err
      firstError ??= err
    }
  }
  if (!found.length) throw firstError ?? new SpreadsheetError('sheet_no_header', {})
  // "The same shape": the fields the first sheet maps; other sheets must map them too.
  const shape = [...(found[0]?.header.columnMap.keys() ?? [])].sort().join(',')
  return { found: found.filter((f) => [...f.header.columnMap.keys()].sort().join(',') === shape), columns }
}

export function moneyUnits(ledger: Ledger, header: HeaderMatch): Record<string, MoneyUnit> {
  const out: Record<string, MoneyUnit> = {}
  for (const c of ledger.columns.filter((x) => x.type === 'money')) {
    const index = header.columnMap.get(c.key)
    const unit = index === undefined ? null : unitInHeader(header.labels[index] ?? '')
    if (unit) out[c.key] = unit
  }
  return out
}

/** Parses one sheet and turns its rows into drafts (org names resolved within the actor's scope). */
export async function sheetDrafts(
  db: Tx,
  actor: Actor,
  ledger: Ledger,
  mapping: ImportMapping,
  unit: UnitRef,
  found: { sheet: RawSheet; header: HeaderMatch },
  opts: { periodLabel?: string | undefined; today: string },
): Promise<SheetRows> {
  const units = { ...moneyUnits(ledger, found.header) }
  const columns = ledgerColumns(ledger, mapping, units)
  let n = 0
  const parsed = parseSheet(
    {
      key: `statistics.${ledger.key}`,
      columns,
      toRow: (values) => values as Record<string, unknown>,
      // Keys are checked across sheets after the period is known, not per sheet here.
      keyOf: () => String(n++),
    },
    found.sheet,
  )
  const errors: ImportError[] = parsed.errors.map((e) => ({ ...e, message: t('zh-CN', e.key, e.params) }))
  const report = (excelRow: number, field: string, key: string, params: Record<string, unknown> = {}) => {
    const index = found.header.columnMap.get(field)
    const col = ledger.columns.find((c) => c.key === field)
    errors.push({
      excelRow,
      field,
      key,
      params,
      column: index === undefined ? '' : columnLetter(index),
      header: col?.labelZh ?? field,
      message: t('zh-CN', key, params),
    })
  }
  // Org columns hold names in a file: find them in the actor's scope, by name or short name.
  const orgCols = ledger.columns.filter((c) => c.type === 'org')
  const names = [
    ...new Set(
      orgCols.flatMap((c) =>
        parsed.rows.map((r) => r.value[c.key]).filter((v): v is string => typeof v === 'string'),
      ),
    ),
  ]
  const byName = new Map<string, number[]>()
  for (const u of await liveUnitsNamed(db, actor.scopePath, names)) {
    for (const nm of new Set([u.name, u.short_name])) byName.set(nm, [...(byName.get(nm) ?? []), u.id])
  }
  const home = ledger.columns.some((c) => c.derive) ? await homeCityOf(db, unit) : null
  const drafts: SheetRows['drafts'] = []
  for (const { excelRow, value } of parsed.rows) {
    const raw: Record<string, InputValue> = {}
    let ok = true
    for (const c of ledger.columns) {
      const v = value[c.key]
      if (c.type === 'org' && typeof v === 'string') {
        const ids = byName.get(v) ?? []
        if (ids.length !== 1) {
          report(excelRow, c.key, ids.length ? 'stats_org_ambiguous' : 'stats_org_unknown', { value: v })
          ok = false
          continue
        }
        raw[c.key] = ids[0]
      } else if (c.type === 'money' && typeof v === 'number') {
        raw[c.key] = v
      } else {
        raw[c.key] = v === null || v === undefined ? null : (v as InputValue)
      }
    }
    if (!ok) continue
    const { draft, problems } = buildRow(ledger, raw, {
      periodLabel: opts.periodLabel,
      today: opts.today,
      home,
    })
    for (const p of problems) report(excelRow, p.field, p.key, p.params)
    if (draft) drafts.push({ excelRow, draft })
  }
  return { sheet: found.sheet, header: found.header, units, parsed, drafts, errors }
}
