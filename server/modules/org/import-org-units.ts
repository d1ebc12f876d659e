/**
 * Imports org units from a spreadsheet, all or nothing. A row whose code (or parent + name)
 * matches a live unit updates it when something differs and is left alone otherwise, so
 * importing the same file twice changes nothing.
 */
import type { OrgKind } from '../../../domain/org/codes.js'
import { shortName as deriveShortName } from '../../../domain/org/short-name.js'
import { recordAudit } from '../../audit/record.js'
import type { Actor, Ctx, Services } from '../../context.js'
import { AppError } from '../../http/errors.js'
import { t } from '../../http/i18n.js'
import type { JobRun } from '../../jobs/queue.js'
import { assertInScope, authorize } from '../../policies/authorize.js'
import { columnLetter } from '../../spreadsheet/cells.js'
import { buildErrorReport } from '../../spreadsheet/error-report.js'
import { type ImportError, type ImportRow, parseImport } from '../../spreadsheet/import.js'
import { orgImportSpec } from './import-spec.js'
import { findLiveByCode, insert, listSubtree, type OrgUnitRow, updateVersioned } from './repository.js'
import { checkUnit } from './rules.js'

export const ORG_IMPORT_JOB = 'org.import'
type Row = ImportRow<typeof orgImportSpec>

export async function startOrgImport(ctx: Ctx, file: { filename: string; bytes: Buffer }): Promise<number> {
  authorize(ctx.actor, 'org.write')
  return ctx.jobs.enqueue(ORG_IMPORT_JOB, {}, ctx.actor, [
    { role: 'input', filename: file.filename, contentType: 'application/octet-stream', bytes: file.bytes },
  ])
}

export async function runOrgImport(run: JobRun<unknown>) {
  const input = await run.file('input')
  if (!input) throw new AppError(400, 'bad_request')
  const parsed = await parseImport(orgImportSpec, input.bytes)
  await run.progress(0, parsed.rows.length)
  const errors: ImportError[] = [...parsed.errors]
  const outcome = errors.length
    ? null
    : await applyRows(run.services, run.actor, parsed.rows, (excelRow, field, key, params) => {
        const col = parsed.header.columnMap.get(field)
        const header = orgImportSpec.columns.find((c) => c.field === field)?.header ?? field
        errors.push({
          excelRow,
          field,
          key,
          params: params ?? {},
          column: col === undefined ? '' : columnLetter(col),
          header,
          message: t('zh-CN', key, params ?? {}),
        })
      })
  if (errors.length || !outcome) {
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

type Report = (excelRow: number, field: string, key: string, params?: Record<string, unknown>) => void

const same = (a: OrgUnitRow, r: Row, parentId: number) =>
  a.parent_id === parentId &&
  a.name === r.name &&
  a.kind === r.kind &&
  a.code === r.code &&
  (r.shortName === null || a.short_name === r.shortName) &&
  a.stage === r.stage &&
  a.ownership === r.ownership &&
  a.inclusive === (r.inclusive ? 1 : 0) &&
  a.rural === (r.rural ? 1 : 0) &&
  a.tags === JSON.stringify(r.tags)

async function applyRows(
  services: Services,
  actor: Actor,
  rows: { excelRow: number; value: Row }[],
  report: Report,
) {
  authorize(actor, 'org.write')
  let created = 0
  let updated = 0
  let unchanged = 0
  const at = services.now().toISOString()
  // One transaction: if any row fails, nothing is written (the error is thrown after all rows were checked).
  return services.db
    .transaction()
    .execute(async (trx) => {
      const units = await listSubtree(trx, actor.scopePath, false)
      const byCode = new Map(units.filter((u) => u.code).map((u) => [u.code as string, u]))
      const byName = new Map<string, OrgUnitRow[]>()
      for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u])
      const index = (u: OrgUnitRow) => {
        if (u.code) byCode.set(u.code, u)
        byName.set(u.name, [...(byName.get(u.name) ?? []).filter((x) => x.id !== u.id), u])
      }
      let failed = false
      for (const { excelRow, value: r } of rows) {
        const parents = byCode.get(r.parent)
          ? [byCode.get(r.parent) as OrgUnitRow]
          : (byName.get(r.parent) ?? [])
        const parent = parents.length === 1 ? parents[0] : undefined
        if (!parent) {
          report(excelRow, 'parent', parents.length ? 'conflict' : 'not_found')
          failed = true
          continue
        }
        try {
          assertInScope(actor, parent.path)
        } catch {
          report(excelRow, 'parent', 'out_of_scope')
          failed = true
          continue
        }
        const problems = checkUnit({ kind: r.kind as OrgKind, code: r.code, stage: r.stage }, parent)
        for (const p of problems)
          report(excelRow, p.field === 'parentId' ? 'parent' : p.field, p.key, p.params)
        if (problems.length) {
          failed = true
          continue
        }
        const existing = r.code
          ? byCode.get(r.code)
          : (byName.get(r.name) ?? []).find((u) => u.parent_id === parent.id)
        if (existing && same(existing, r, parent.id)) {
          unchanged++
          continue
        }
        // A code held by a live unit outside the importer's scope: a row error (the unique index
        // would otherwise fail the whole job as an internal error), without naming that unit.
        if (!existing && r.code && (await findLiveByCode(trx, r.code))) {
          report(excelRow, 'code', 'conflict')
          failed = true
          continue
        }
        const fields = {
          name: r.name,
          kind: r.kind,
          code: r.code,
          short_name: r.shortName ?? deriveShortName(r.name, r.kind as OrgKind),
          stage: r.stage,
          ownership: r.ownership,
          inclusive: r.inclusive ? 1 : 0,
          rural: r.rural ? 1 : 0,
          tags: JSON.stringify(r.tags),
          updated_at: at,
        }
        if (failed) continue
        if (existing) {
          if (existing.parent_id !== parent.id) {
            report(excelRow, 'parent', 'org_code_taken', { code: r.code, name: existing.name })
            failed = true
            continue
          }
          await updateVersioned(trx, existing.id, existing.version, fields)
          const after = { ...existing, ...fields, version: existing.version + 1 }
          index(after)
          await recordAudit(trx, services, actor, {
            action: 'org.import.update',
            entity: 'org_unit',
            entityId: existing.id,
            before: existing,
            after,
          })
          updated++
        } else {
          const row = await insert(trx, {
            ...fields,
            parent_id: parent.id,
            parentPath: parent.path,
            depth: parent.depth + 1,
            sort_order: 0,
            version: 1,
            created_at: at,
            voided_at: null,
            void_reason: null,
          })
          index(row)
          await recordAudit(trx, services, actor, {
            action: 'org.import.create',
            entity: 'org_unit',
            entityId: row.id,
            after: row,
          })
          created++
        }
      }
      if (failed) throw new RollBack()
    })
    .then(
      () => true,
      (e: unknown) => {
        if (e instanceof RollBack) return false
        throw e
      },
    )
    .then((committed) => (committed ? { created, updated, unchanged } : null))
}

/** Thrown to roll the transaction back after every row was checked and reported. */
class RollBack extends Error {}
