/**
 * The import job every ledger runs: read the upload, parse it against the module's spec, let the
 * module check the rows against the database (and write them when nothing is wrong), and when
 * anything is wrong write nothing and hand back the error report (the file itself with an error
 * column naming each row and column). Rows that parsed are checked even when others did not, so one
 * report lists every problem.
 */
import { AppError } from '../http/errors.js'
import { t } from '../http/i18n.js'
import type { JobRun } from '../jobs/queue.js'
import { uploadRef } from '../privacy/upload-ref.js'
import { columnLetter } from './cells.js'
import { buildErrorReport } from './error-report.js'
import { type ColumnSpec, type ImportError, type ImportSpec, parseImport } from './import.js'

/** Records a problem of one row in one field, in the server's words (zh-CN: the report is a file). */
export type Report = (excelRow: number, field: string, key: string, params?: Record<string, unknown>) => void

export interface SheetImport<Row, Outcome> {
  rows: { excelRow: number; value: Row }[]
  report: Report
  filename: string
  /** Some rows already failed to parse: check the rest, write nothing, return null. */
  checkOnly: boolean
  apply(): Promise<Outcome | null>
}

export async function runSheetImport<Cols extends readonly ColumnSpec[], Row, Outcome extends object>(
  run: JobRun<unknown>,
  spec: ImportSpec<Cols, Row>,
  apply: (job: Omit<SheetImport<Row, Outcome>, 'apply'>) => Promise<Outcome | null>,
): Promise<Outcome & { rows: number; skipped: number }> {
  const input = await run.file('input')
  if (!input) throw new AppError(400, 'bad_request')
  const parsed = await parseImport(spec, input.bytes)
  await run.progress(0, parsed.rows.length)
  // Parse errors carry the spreadsheet catalogue's text; modules' keys need the server's.
  const errors: ImportError[] = parsed.errors.map((e) => ({ ...e, message: t('zh-CN', e.key, e.params) }))
  const report: Report = (excelRow, field, key, params = {}) => {
    const col = parsed.header.columnMap.get(field)
    errors.push({
      excelRow,
      field,
      key,
      params,
      column: col === undefined ? '' : columnLetter(col),
      header: spec.columns.find((c) => c.field === field)?.header ?? field,
      message: t('zh-CN', key, params),
    })
  }
  const outcome = await apply({
    rows: parsed.rows,
    report,
    // Modules record where rows came from; a content hash, never the file name (privacy/upload-ref.ts).
    filename: uploadRef(input.bytes),
    checkOnly: errors.length > 0,
  })
  if (errors.length || !outcome) {
    errors.sort((a, b) => a.excelRow - b.excelRow)
    await run.attach({
      role: 'error-report',
      filename: '导入错误报告.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: await buildErrorReport(input.bytes, { ...parsed, errors }),
    })
    throw new AppError(422, 'import_has_errors', { count: errors.length })
  }
  await run.progress(parsed.rows.length, parsed.rows.length)
  return { ...outcome, rows: parsed.rows.length, skipped: parsed.skipped.length }
}
