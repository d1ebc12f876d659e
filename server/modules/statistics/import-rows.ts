/**
 * Importing a ledger from .xlsx as a job: the template (generated from the definition), the
 * mapping preview (header row found, columns → fields, sample values with their problems), and
 * the job, all-or-nothing and idempotent by the ledger's key columns: a row whose key exists is
 * updated when it differs and left alone when not, so the same file twice changes nothing.
 */
import { type Ctx, todayInChina } from '../../context.js'
import { badRequest } from '../../http/errors.js'
import type { Locale } from '../../http/i18n.js'
import { authorize } from '../../policies/authorize.js'
import { getSetting } from '../../settings.js'
import { columnLetter } from '../../spreadsheet/cells.js'
import { normalizeLabel } from '../../spreadsheet/header.js'
import { buildTemplate } from '../../spreadsheet/template.js'
import { loadLedger, submittingUnit } from './access.js'
import type { Ledger } from './definition.js'
import { ledgerSheets, sheetDrafts } from './import-parse.js'
import { ledgerColumns } from './import-spec.js'
import { ImportMapping } from './schema.js'

export const STATS_IMPORT_JOB = 'statistics.import'
export const mappingKey = (ledger: string) => `statistics.import.mapping.${ledger}`

export async function rememberedMapping(ctx: Pick<Ctx, 'db'>, ledger: string): Promise<ImportMapping> {
  const r = ImportMapping.safeParse((await getSetting<unknown>(ctx.db, mappingKey(ledger))) ?? {})
  return r.success ? r.data : { columns: {}, moneyUnits: {} }
}

/** The user's mapping from a multipart field (JSON), or the remembered one. */
export async function mappingFrom(
  ctx: Ctx,
  ledger: string,
  text: string | undefined,
): Promise<ImportMapping> {
  if (!text) return rememberedMapping(ctx, ledger)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw badRequest('validation', {}, [{ field: 'mapping', key: 'stats_import_mapping' }])
  }
  const r = ImportMapping.safeParse(json)
  if (!r.success) throw badRequest('validation', {}, [{ field: 'mapping', key: 'stats_import_mapping' }])
  return r.data
}

export async function ledgerTemplate(
  ctx: Ctx,
  key: string,
  locale: Locale,
): Promise<{ name: string; bytes: Buffer }> {
  authorize(ctx.actor, 'stats.read')
  const ledger = await loadLedger(ctx.db, key)
  const columns = ledgerColumns(ledger, { columns: {}, moneyUnits: {} })
  return {
    name: `${ledger.nameZh}导入模板.xlsx`,
    bytes: await buildTemplate({ columns, sheetName: ledger.nameZh.slice(0, 31) }, locale),
  }
}

export interface ImportOptions {
  orgUnitId?: number | undefined
  period?: string | undefined
}

export function importOptions(fields: Record<string, string>): ImportOptions {
  const id = fields.orgUnitId ? Number(fields.orgUnitId) : undefined
  if (id !== undefined && !(Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647))
    throw badRequest('validation', {}, [{ field: 'orgUnitId', key: 'invalid_type' }])
  const period = fields.period?.trim() || undefined
  if (period !== undefined && period.length > 10)
    throw badRequest('validation', {}, [{ field: 'period', key: 'stats_period_required' }])
  return { orgUnitId: id, period }
}

/**
 * The mapping step: per sheet, the header row found and each file column's field; the fields
 * still unmapped; the money units read from the headers; and the first rows parsed, with each
 * cell's problem. Nothing is written.
 */
export async function previewImport(
  ctx: Ctx,
  key: string,
  bytes: Buffer,
  mapping: ImportMapping,
  opts: ImportOptions,
) {
  authorize(ctx.actor, 'stats.write')
  const ledger = await loadLedger(ctx.db, key)
  const unit = await submittingUnit(ctx.db, ctx.actor, ledger, opts.orgUnitId)
  const { found } = await ledgerSheets(ledger, mapping, bytes)
  const today = todayInChina(ctx.now())
  const sheets = []
  for (const f of found) {
    const s = await sheetDrafts(ctx.db, ctx.actor, ledger, mapping, unit, f, {
      periodLabel: opts.period,
      today,
    })
    const byIndex = new Map([...f.header.columnMap].map(([field, index]) => [index, field]))
    const sample = s.parsed.rows.slice(0, 10).map(({ excelRow, value }) => ({
      row: excelRow,
      values: Object.fromEntries(ledger.columns.map((c) => [c.key, value[c.key] ?? null])),
      problems: s.errors
        .filter((e) => e.excelRow === excelRow)
        .map((e) => ({ field: e.field, column: e.column, message: e.message })),
    }))
    sheets.push({
      name: f.sheet.name,
      headerRow: f.header.headerRowIndex + 1,
      headerRows: f.header.headerRowCount,
      columns: f.header.labels.map((label, index) => ({
        index,
        letter: columnLetter(index),
        label,
        field: byIndex.get(index) ?? null,
      })),
      missing: f.header.missingRequired,
      moneyUnits: s.units,
      rows: s.parsed.rows.length,
      skipped: s.parsed.skipped.length,
      errors: s.errors.length,
      sample,
    })
  }
  const proposed: ImportMapping = { columns: { ...mapping.columns }, moneyUnits: { ...mapping.moneyUnits } }
  for (const s of sheets)
    for (const c of s.columns)
      if (c.label && !(normalizeLabel(c.label) in proposed.columns)) proposed.columns[c.label] = c.field
  return {
    ledger: ledger.key,
    fields: ledger.columns.map((c) => ({
      key: c.key,
      labelZh: c.labelZh,
      labelEn: c.labelEn,
      type: c.type,
      required: c.required === true,
    })),
    sheets,
    mapping: proposed,
  }
}

export async function startImport(
  ctx: Ctx,
  key: string,
  file: { filename: string; bytes: Buffer },
  mapping: ImportMapping,
  opts: ImportOptions,
): Promise<number> {
  authorize(ctx.actor, 'stats.write')
  const ledger: Ledger = await loadLedger(ctx.db, key)
  await submittingUnit(ctx.db, ctx.actor, ledger, opts.orgUnitId)
  return ctx.jobs.enqueue(STATS_IMPORT_JOB, { ledger: ledger.key, mapping, ...opts }, ctx.actor, [
    { role: 'input', filename: file.filename, contentType: 'application/octet-stream', bytes: file.bytes },
  ])
}
