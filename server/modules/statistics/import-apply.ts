/**
 * The import job: parse every sheet, check every row (types, org units, unique values, the key
 * once across all sheets, locked submissions), and only when nothing is wrong write, in one
 * transaction: new rows in bulk, changed rows updated, unchanged rows left alone. Otherwise the
 * error report comes back (the sheet itself with an error column, or a list when several sheets
 * have errors) and nothing is written.
 */

import type { StoredValue } from '../../../domain/statistics/columns.js'
import type { RowDraft } from '../../../domain/statistics/row.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, SYSTEM_ACTOR, todayInChina } from '../../context.js'
import { refreshStatistics } from '../../db/dialect.js'
import { AppError } from '../../http/errors.js'
import { t } from '../../http/i18n.js'
import type { JobRun } from '../../jobs/queue.js'
import { authorize } from '../../policies/authorize.js'
import { uploadRef } from '../../privacy/upload-ref.js'
import { putSetting } from '../../settings.js'
import { columnLetter } from '../../spreadsheet/cells.js'
import { buildErrorReport } from '../../spreadsheet/error-report.js'
import type { ImportError } from '../../spreadsheet/import.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { canApprove, loadLedger, submittingUnit } from './access.js'
import { ledgerSheets, type SheetRows, sheetDrafts } from './import-parse.js'
import { type ImportOptions, mappingKey } from './import-rows.js'
import {
  findSubmission,
  insertRows,
  liveRowsByKeys,
  type NewBulkRow,
  type RowRecord,
  touchLedger,
  updateRowVersioned,
} from './repository.js'
import { checkDrafts } from './row-checks.js'
import { ImportMapping } from './schema.js'
import { submissionFor } from './submissions-core.js'
import { ownSlotValues, slotValues } from './write-row.js'

interface Payload extends ImportOptions {
  ledger: string
  mapping: unknown
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function errorReport(bytes: Buffer, sheets: SheetRows[]): Promise<Buffer> {
  const bad = sheets.filter((s) => s.errors.length)
  const only = bad.length === 1 ? bad[0] : undefined
  if (only)
    return buildErrorReport(bytes, { sheetName: only.sheet.name, header: only.header, errors: only.errors })
  return writeXlsx([
    {
      name: '错误清单',
      columns: [
        { header: '工作表', key: 'sheet', width: 16 },
        { header: '行', key: 'row' },
        { header: '列', key: 'column' },
        { header: '列名', key: 'header', width: 16 },
        { header: '错误说明', key: 'message', width: 60 },
      ],
      rows: bad.flatMap((s) =>
        [...s.errors]
          .sort((a, b) => a.excelRow - b.excelRow)
          .map((e) => ({ sheet: s.sheet.name, row: e.excelRow, ...e })),
      ),
    },
  ])
}

function sameSlots(row: RowRecord, draft: RowDraft, ledgerSlots: string[]): boolean {
  const stored = row as unknown as Record<string, StoredValue>
  return (
    row.period_date === draft.periodDate &&
    ledgerSlots.every((s) => {
      const a = stored[s] ?? null
      const b = draft.slots[s] ?? null
      return a === null || b === null ? a === b : String(a) === String(b)
    })
  )
}

export async function runLedgerImport(run: JobRun<Payload>) {
  authorize(run.actor, 'stats.write')
  const ctx: Ctx = { ...run.services, actor: run.actor ?? SYSTEM_ACTOR, locale: 'zh-CN' }
  const input = await run.file('input')
  if (!input) throw new AppError(400, 'bad_request')
  const mapping = ImportMapping.parse(run.payload.mapping ?? {})
  const ledger = await loadLedger(ctx.db, run.payload.ledger)
  const unit = await submittingUnit(ctx.db, ctx.actor, ledger, run.payload.orgUnitId)
  const today = todayInChina(ctx.now())
  const { found } = await ledgerSheets(ledger, mapping, input.bytes)
  const sheets: SheetRows[] = []
  for (const f of found)
    sheets.push(
      await sheetDrafts(ctx.db, ctx.actor, ledger, mapping, unit, f, {
        periodLabel: run.payload.period,
        today,
      }),
    )
  const total = sheets.reduce((n, s) => n + s.parsed.rows.length, 0)
  await run.progress(0, total)

  const note = (
    s: SheetRows,
    excelRow: number,
    field: string,
    key: string,
    params: Record<string, unknown> = {},
  ) => {
    const index = s.header.columnMap.get(field)
    s.errors.push({
      excelRow,
      field,
      key,
      params,
      column: index === undefined ? '' : columnLetter(index),
      header: ledger.columns.find((c) => c.key === field)?.labelZh ?? field,
      message: t('zh-CN', key, params),
    } satisfies ImportError)
  }
  // The key once across every sheet (2022 and 2023 sheets both number their contracts from 1,
  // but the period is part of the key).
  const firstOf = new Map<string, string>()
  const items: { sheet: SheetRows; excelRow: number; draft: RowDraft }[] = []
  for (const s of sheets)
    for (const d of s.drafts) {
      const k = d.draft.rowKey
      const keyField = ledger.keyColumns[0] ?? ledger.columns[0]?.key ?? ''
      if (k !== null && firstOf.has(k)) {
        note(s, d.excelRow, keyField, 'stats_import_duplicate_key', { first: firstOf.get(k) })
        continue
      }
      if (k !== null) firstOf.set(k, `${s.sheet.name}!${d.excelRow}`)
      items.push({ sheet: s, ...d })
    }
  const existing = new Map(
    (await liveRowsByKeys(ctx.db, ledger.id, [...firstOf.keys()])).map((r) => [r.row_key ?? '', r] as const),
  )
  const problems = await checkDrafts(
    ctx.db,
    ctx.actor,
    ledger,
    items.map((it) => ({
      draft: it.draft,
      rowId: it.draft.rowKey ? existing.get(it.draft.rowKey)?.id : undefined,
    })),
    { keyMayMatch: true },
  )
  for (const [i, list] of problems) {
    const it = items[i]
    if (it) for (const p of list) note(it.sheet, it.excelRow, p.field, p.key, p.params)
  }
  // Periods whose submission is with the approver (or approved) cannot change from this unit.
  const approver = await canApprove(ctx.db, ctx.actor, ledger, unit.path)
  const locked = new Map<string, boolean>()
  for (const it of items) {
    const label = it.draft.period.label
    if (!locked.has(label)) {
      const sub = await findSubmission(ctx.db, ledger.id, unit.id, label)
      locked.set(label, !approver && (sub?.status === 'submitted' || sub?.status === 'approved'))
    }
    const other = it.draft.rowKey ? existing.get(it.draft.rowKey) : undefined
    if (other && other.org_unit_id !== unit.id)
      note(it.sheet, it.excelRow, ledger.keyColumns[0] ?? '', 'stats_key_other_unit')
    else if (locked.get(label))
      note(it.sheet, it.excelRow, ledger.keyColumns[0] ?? '', 'stats_submission_locked_row', {
        period: label,
      })
  }
  const errorCount = sheets.reduce((n, s) => n + s.errors.length, 0)
  if (errorCount > 0) {
    await run.attach({
      role: 'error-report',
      filename: '导入错误报告.xlsx',
      contentType: XLSX_TYPE,
      bytes: await errorReport(input.bytes, sheets),
    })
    throw new AppError(422, 'import_has_errors', { count: errorCount })
  }

  const slots = ledger.columns.map((c) => c.slot)
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.now().toISOString()
    const subs = new Map<string, { id: number; status: string }>()
    const fresh: NewBulkRow[] = []
    let updated = 0
    let unchanged = 0
    for (const it of items) {
      const label = it.draft.period.label
      let sub = subs.get(label)
      if (!sub) {
        const s = await submissionFor(trx, ctx, ledger, unit, it.draft.period)
        sub = { id: s.id, status: s.status }
        subs.set(label, sub)
      }
      const old = it.draft.rowKey ? existing.get(it.draft.rowKey) : undefined
      if (old) {
        if (sameSlots(old, it.draft, slots)) {
          unchanged++
          continue
        }
        await updateRowVersioned(trx, old.id, old.version, {
          ...slotValues(it.draft),
          period_date: it.draft.periodDate,
          updated_at: at,
          source: 'import',
        })
        updated++
        continue
      }
      fresh.push({
        ledger_id: ledger.id,
        submission_id: sub.id,
        org_unit_id: unit.id,
        scope_path: unit.path,
        period_date: it.draft.periodDate,
        row_key: it.draft.rowKey,
        status: sub.status,
        source: 'import',
        ...ownSlotValues(it.draft, slots),
        version: 1,
        created_by: ctx.actor.displayName,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      })
    }
    await insertRows(trx, ctx.dialect, fresh)
    if (fresh.length || updated) await touchLedger(trx, ledger.id, at)
    await putSetting(trx, mappingKey(ledger.key), mapping, at)
    const result = {
      created: fresh.length,
      updated,
      unchanged,
      sheets: sheets.map((s) => s.sheet.name),
      periods: [...subs.keys()].sort(),
    }
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'stats.import',
      entity: 'stats_ledger',
      entityId: ledger.id,
      before: null,
      after: { ...result, ledger: ledger.key, unit: unit.name, file: uploadRef(input.bytes) },
    })
    return result
  })
  if (outcome.created > 1000) await refreshStatistics(ctx.db, ctx.dialect)
  await run.progress(total, total)
  return { ...outcome, rows: total, skipped: sheets.reduce((n, s) => n + s.parsed.skipped.length, 0) }
}
