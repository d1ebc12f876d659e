/**
 * Importing a historical petition ledger. First a preview (the mapping step): which column is
 * which field, and which of the file's categories and demands are not in the taxonomy. The user
 * maps them, and the mapping is remembered for the next file. Then the import job: every row is
 * checked and the cases are written in one transaction as the file is read, batch by batch, so a
 * 100,000-row ledger is never held whole; at the first error writing stops (the rest is only
 * checked) and the transaction is rolled back: all-or-nothing. Cases are keyed by case number
 * (importing the same file twice changes nothing).
 * ID numbers that Excel turned into floats are not errors: they are listed as warnings and left
 * empty, never guessed.
 */

import { z } from 'zod'
import { recordAudit } from '../../audit/record.js'
import type { Ctx } from '../../context.js'
import { refreshStatistics } from '../../db/dialect.js'
import { AppError, badRequest } from '../../http/errors.js'
import { t } from '../../http/i18n.js'
import type { JobRun } from '../../jobs/queue.js'
import { authorize } from '../../policies/authorize.js'
import { uploadRef } from '../../privacy/upload-ref.js'
import { getSetting, putSetting } from '../../settings.js'
import { columnLetter } from '../../spreadsheet/cells.js'
import { buildErrorReport } from '../../spreadsheet/error-report.js'
import { type HeaderMatch, normalizeLabel } from '../../spreadsheet/header.js'
import { type ImportError, type StreamResult, streamImport } from '../../spreadsheet/import.js'
import { IMPORT_BATCH, type ImportOutcome, importWriter } from './import-apply.js'
import { buildResolver, loadImportContext } from './import-resolve.js'
import { IMPORT_FIELDS, type PetitionImportRow, petitionImportSpec } from './import-spec.js'

export const PETITION_IMPORT_JOB = 'petitions.import'
const MAPPING_KEY = 'petitions.import.mapping'

export const ImportMapping = z.object({
  columns: z.record(z.string().max(100), z.string().max(40).nullable()).default({}),
  categories: z.record(z.string().max(100), z.number().int().positive().nullable()).default({}),
  demands: z.record(z.string().max(200), z.number().int().positive().nullable()).default({}),
})
export type ImportMapping = z.infer<typeof ImportMapping>

const FIELD_SET = new Set<string>(IMPORT_FIELDS.map((f) => f.field))

function specFor(mapping: ImportMapping) {
  const columnAliases = new Map<string, string[]>()
  for (const [label, field] of Object.entries(mapping.columns)) {
    if (!field || !FIELD_SET.has(field)) continue
    columnAliases.set(field, [...(columnAliases.get(field) ?? []), label])
  }
  return petitionImportSpec({ columnAliases })
}

export async function rememberedMapping(ctx: Ctx): Promise<ImportMapping> {
  const saved = await getSetting<unknown>(ctx.db, MAPPING_KEY)
  const r = ImportMapping.safeParse(saved ?? {})
  return r.success ? r.data : { columns: {}, categories: {}, demands: {} }
}

/**
 * The mapping step: columns found, fields they fill, required fields still unmapped, and the
 * taxonomy values that need a decision. A required column under another heading is exactly what
 * this step is for, so it is reported (`missing`), not refused.
 */
export async function previewImport(ctx: Ctx, bytes: Buffer) {
  authorize(ctx.actor, 'petition.write')
  const mapping = await rememberedMapping(ctx)
  const spec = specFor(mapping)
  const look = await loadImportContext(ctx.db, ctx.actor, ctx.now())
  const resolve = buildResolver(look, mapping)
  const cats = new Map<string, { value: string; count: number; mapped: number | null }>()
  const dems = new Map<string, { value: string; category: string; count: number; mapped: number | null }>()
  // One pass: the header, and (when no required column is missing) every row's category and demand.
  const parsed = await streamImport(spec, bytes, {
    allowMissing: true,
    onBatch(rows) {
      for (const { value: r } of rows) {
        const c = resolve.category(r.category)
        const ce = cats.get(r.category) ?? { value: r.category, count: 0, mapped: c?.id ?? null }
        ce.count++
        cats.set(r.category, ce)
        const d = c ? resolve.demand(r.category, c, r.demand) : null
        const key = `${r.category}/${r.demand}`
        const de = dems.get(key) ?? { value: r.demand, category: r.category, count: 0, mapped: d?.id ?? null }
        de.count++
        dems.set(key, de)
      }
    },
  })
  const header = parsed.header
  const byIndex = new Map([...header.columnMap].map(([field, index]) => [index, field]))
  const columns = header.labels.map((label, index) => ({
    index,
    letter: columnLetter(index),
    label,
    field: byIndex.get(index) ?? null,
  }))
  for (const [label, field] of Object.entries(mapping.columns)) {
    if (!columns.some((c) => normalizeLabel(c.label) === normalizeLabel(label))) delete mapping.columns[label]
    else if (field === null) mapping.columns[label] = null
  }
  for (const c of columns) if (!(c.label in mapping.columns)) mapping.columns[c.label] = c.field
  const base = {
    sheetName: parsed.sheetName,
    columns,
    fields: IMPORT_FIELDS,
    missing: header.missingRequired,
  }
  if (header.missingRequired.length > 0)
    return { ...base, rows: 0, values: { category: [], demand: [] }, mapping }

  for (const c of cats.values()) mapping.categories[c.value] = c.mapped
  for (const [key, d] of dems) mapping.demands[key] = d.mapped
  return {
    ...base,
    rows: parsed.rowCount,
    values: { category: [...cats.values()], demand: [...dems.values()] },
    mapping,
  }
}

export async function startPetitionImport(
  ctx: Ctx,
  file: { filename: string; bytes: Buffer },
  mappingText: string | undefined,
): Promise<number> {
  authorize(ctx.actor, 'petition.write')
  let mapping = await rememberedMapping(ctx)
  if (mappingText) {
    let json: unknown
    try {
      json = JSON.parse(mappingText)
    } catch {
      throw badRequest('validation', {}, [{ field: 'mapping', key: 'petition_import_mapping' }])
    }
    const r = ImportMapping.safeParse(json)
    if (!r.success) throw badRequest('validation', {}, [{ field: 'mapping', key: 'petition_import_mapping' }])
    mapping = r.data
  }
  return ctx.jobs.enqueue(PETITION_IMPORT_JOB, { mapping }, ctx.actor, [
    { role: 'input', filename: file.filename, contentType: 'application/octet-stream', bytes: file.bytes },
  ])
}

/** Thrown inside the import's transaction to roll it back when any row had an error. */
class Rollback {
  constructor(readonly parsed: StreamResult<PetitionImportRow>) {}
}

export async function runPetitionImport(run: JobRun<{ mapping: ImportMapping }>) {
  authorize(run.actor, 'petition.write')
  const input = await run.file('input')
  if (!input) throw new AppError(400, 'bad_request')
  const mapping = ImportMapping.parse(run.payload.mapping ?? {})
  const spec = specFor(mapping)
  const { db } = run.services
  const look = await loadImportContext(db, run.actor, run.services.now())
  const resolve = buildResolver(look, mapping)
  // Problems the database finds (unknown county, category …); the parser keeps its own.
  const errors: ImportError[] = []
  const warnings: ImportError[] = []
  let header: HeaderMatch | undefined
  const note = (
    list: ImportError[],
    excelRow: number,
    field: string,
    key: string,
    params: Record<string, unknown> = {},
  ) => {
    const col = header?.columnMap.get(field)
    list.push({
      excelRow,
      field,
      key,
      params,
      column: col === undefined ? '' : columnLetter(col),
      header: spec.columns.find((c) => (c.field as string) === field)?.header ?? field,
      // The petition keys are the server's (the spreadsheet catalogue does not know them).
      message: t('zh-CN', key, params),
    })
  }
  let done: { parsed: StreamResult<PetitionImportRow>; outcome: ImportOutcome | null }
  try {
    done = await db.transaction().execute(async (trx) => {
      const writer = await importWriter(run, trx, uploadRef(input.bytes))
      const parsed = await streamImport(spec, input.bytes, {
        batchSize: IMPORT_BATCH,
        async onBatch(rows, sheet) {
          header = sheet.header
          const resolved = []
          for (const { excelRow, value } of rows) {
            const r = resolve.row(excelRow, value, (field, key, params) =>
              note(errors, excelRow, field, key, params),
            )
            if (!r) continue
            if (r.idWarning) note(warnings, excelRow, 'idNumber', r.idWarning)
            resolved.push(r)
          }
          // After the first error nothing more is written: the rest is only checked.
          if (errors.length === 0 && sheet.errors.length === 0) await writer.write(resolved)
        },
      })
      if (parsed.errors.length > 0 || errors.length > 0) throw new Rollback(parsed)
      return { parsed, outcome: await writer.finish() }
    })
  } catch (err) {
    if (!(err instanceof Rollback)) throw err
    done = { parsed: err.parsed, outcome: null }
  }
  const { parsed, outcome } = done
  if (!outcome) {
    const problems = [...parsed.errors, ...errors]
    await run.attach({
      role: 'error-report',
      filename: '导入错误报告.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: await buildErrorReport(input.bytes, { ...parsed, errors: [...problems, ...warnings] }),
    })
    throw new AppError(422, 'import_has_errors', { count: problems.length })
  }
  // Thousands of new rows change what the planner should choose.
  if (outcome.created > 1000)
    await refreshStatistics(db, run.services.dialect, [
      'petition_cases',
      'petition_people',
      'petition_events',
    ])
  await db.transaction().execute(async (trx) => {
    await putSetting(trx, MAPPING_KEY, mapping, run.services.now().toISOString())
    await recordAudit(trx, run.services, run.actor, {
      action: 'petition.import',
      entity: 'petition_case',
      entityId: null,
      before: null,
      after: { ...outcome, warnings: warnings.length, file: uploadRef(input.bytes) },
    })
  })
  if (warnings.length > 0) {
    await run.attach({
      role: 'warning-report',
      filename: '导入提示.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: await buildErrorReport(input.bytes, { ...parsed, errors: warnings }),
    })
  }
  await run.progress(parsed.rowCount, parsed.rowCount)
  return {
    ...outcome,
    rows: parsed.rowCount,
    skipped: parsed.skipped.length,
    warnings: warnings.map((w) => ({ row: w.excelRow, column: w.column, message: w.message })),
  }
}
