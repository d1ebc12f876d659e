/**
 * Importing a problem list from Excel, all or nothing, as a job. Every row is checked first
 * (cells by the spec, then categories, units and keys against the database); only when no row
 * has an error is anything written, in one transaction. A row whose 问题编号 (or, without one,
 * whose 专项行动 + 问题描述) matches a live problem updates it when something differs and is left
 * alone otherwise, so importing the same file twice changes nothing; an existing problem's
 * measures are its own business by then and are never touched by a re-import.
 * Errors come back as the user's own sheet with the bad cells marked (the error report).
 */
import type { Actor, Ctx, Services } from '../../context.js'
import { AppError } from '../../http/errors.js'
import { t } from '../../http/i18n.js'
import type { JobRun } from '../../jobs/queue.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { columnLetter } from '../../spreadsheet/cells.js'
import { buildErrorReport } from '../../spreadsheet/error-report.js'
import { type ImportError, parseImport } from '../../spreadsheet/import.js'
import { XLSX_TYPE } from './export-problems.js'
import { problemFields, recordProblemChange } from './history.js'
import { type ProblemImportRow, problemImportSpec } from './import-spec.js'
import { allItems, CATEGORIES } from './lists.js'
import {
  findProblemByCampaignAndDescription,
  findProblemByCode,
  insertMeasures,
  insertProblem,
  nextProblemCode,
  type ProblemRow,
  updateProblemVersioned,
} from './repository.js'
import { todayInChina } from './units.js'

export const PROBLEM_IMPORT_JOB = 'rectification.import'

export async function startProblemImport(
  ctx: Ctx,
  file: { filename: string; bytes: Buffer },
): Promise<number> {
  authorize(ctx.actor, 'problem.write')
  return ctx.jobs.enqueue(PROBLEM_IMPORT_JOB, {}, ctx.actor, [
    { role: 'input', filename: file.filename, contentType: 'application/octet-stream', bytes: file.bytes },
  ])
}

type Report = (excelRow: number, field: string, key: string, params?: Record<string, unknown>) => void

export async function runProblemImport(run: JobRun<unknown>) {
  const input = await run.file('input')
  if (!input) throw new AppError(400, 'bad_request')
  const parsed = await parseImport(problemImportSpec, input.bytes)
  await run.progress(0, parsed.rows.length)
  const errors: ImportError[] = [...parsed.errors]
  const report: Report = (excelRow, field, key, params) => {
    const col = parsed.header.columnMap.get(field)
    errors.push({
      excelRow,
      field,
      key,
      params: params ?? {},
      column: col === undefined ? '' : columnLetter(col),
      header: problemImportSpec.columns.find((c) => c.field === field)?.header ?? field,
      message: t('zh-CN', key, params ?? {}),
    })
  }
  const outcome = errors.length ? null : await applyRows(run.services, run.actor, parsed.rows, report)
  if (errors.length || !outcome) {
    await run.attach({
      role: 'error-report',
      filename: '导入错误报告.xlsx',
      contentType: XLSX_TYPE,
      bytes: await buildErrorReport(input.bytes, { ...parsed, errors }),
    })
    throw new AppError(422, 'import_has_errors', { count: errors.length })
  }
  await run.progress(parsed.rows.length, parsed.rows.length)
  return { ...outcome, rows: parsed.rows.length, skipped: parsed.skipped.length }
}

/** Thrown to roll the transaction back after every row was checked and reported. */
class RollBack extends Error {}

const same = (p: ProblemRow, r: ProblemImportRow, unitId: number, categoryId: number) =>
  p.description === r.description &&
  p.source === r.source &&
  p.category_id === categoryId &&
  p.campaign === r.campaign &&
  p.responsible_unit_id === unitId &&
  (p.responsible_leader ?? null) === (r.leader ?? null) &&
  p.found_on === r.foundOn &&
  p.fix_at_once === (r.fixAtOnce ? 1 : 0)

async function applyRows(
  services: Services,
  actor: Actor,
  rows: { excelRow: number; value: ProblemImportRow }[],
  report: Report,
) {
  authorize(actor, 'problem.write')
  const ctx: Ctx = { ...services, actor, locale: 'zh-CN' }
  const at = services.now().toISOString()
  const today = todayInChina(services.now())
  let created = 0
  let updated = 0
  let unchanged = 0
  return services.db
    .transaction()
    .execute(async (trx) => {
      const categories = new Map(
        (await allItems(trx, CATEGORIES)).filter((c) => !c.voided_at).map((c) => [c.name, c.id]),
      )
      const units = await trx
        .selectFrom('org_units')
        .select(['id', 'name', 'code', 'path'])
        .where('path', 'like', `${actor.scopePath}%`)
        .where('voided_at', 'is', null)
        .execute()
      const byCode = new Map(units.filter((u) => u.code).map((u) => [u.code as string, u]))
      const byName = new Map<string, typeof units>()
      for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u])
      let failed = false
      const fail: Report = (...args) => {
        report(...args)
        failed = true
      }
      for (const { excelRow, value: r } of rows) {
        const categoryId = categories.get(r.category)
        if (categoryId === undefined)
          fail(excelRow, 'category', 'problem_import_unknown_category', { value: r.category })
        const named = byName.get(r.unit) ?? []
        const unit = byCode.get(r.unit) ?? (named.length === 1 ? named[0] : undefined)
        if (!unit)
          fail(
            excelRow,
            'unit',
            named.length > 1 ? 'problem_import_ambiguous_unit' : 'problem_import_unknown_unit',
            {
              value: r.unit,
            },
          )
        if (r.foundOn > today) fail(excelRow, 'foundOn', 'rectification_date_future')
        if (categoryId === undefined || !unit) continue
        const existing = r.code
          ? await findProblemByCode(trx, r.code)
          : await findProblemByCampaignAndDescription(trx, actor.scopePath, r.campaign, r.description)
        if (existing && (existing.voided_at || !inScope(actor, existing.scope_path))) {
          // A code taken by a voided problem or by one outside the importer's scope (not named).
          fail(excelRow, 'code', 'problem_code_taken', { code: r.code ?? '' })
          continue
        }
        if (existing && same(existing, r, unit.id, categoryId)) {
          unchanged++
          continue
        }
        if (existing?.status === 'signed_off') {
          fail(excelRow, r.code ? 'code' : 'description', 'problem_import_signed_off', {
            code: existing.code,
          })
          continue
        }
        if (failed) continue
        const fields = {
          description: r.description,
          source: r.source,
          category_id: categoryId,
          campaign: r.campaign,
          responsible_unit_id: unit.id,
          scope_path: unit.path,
          responsible_leader: r.leader,
          found_on: r.foundOn,
          fix_at_once: r.fixAtOnce ? 1 : 0,
          updated_at: at,
        }
        const audited = problemFields({
          code: r.code ?? undefined,
          description: r.description,
          source: r.source,
          categoryId,
          campaign: r.campaign,
          responsibleUnitId: unit.id,
          responsibleLeader: r.leader,
          foundOn: r.foundOn,
          fixAtOnce: r.fixAtOnce,
        })
        if (existing) {
          await updateProblemVersioned(trx, existing.id, existing.version, fields)
          await recordProblemChange(
            trx,
            ctx,
            existing.id,
            'import_update',
            { row: excelRow },
            {
              before: problemFields({
                description: existing.description,
                source: existing.source,
                categoryId: existing.category_id,
                campaign: existing.campaign,
                responsibleUnitId: existing.responsible_unit_id,
                responsibleLeader: existing.responsible_leader,
                foundOn: existing.found_on,
                fixAtOnce: existing.fix_at_once === 1,
              }),
              after: audited,
            },
          )
          updated++
          continue
        }
        const code = r.code ?? (await nextProblemCode(trx, r.foundOn.slice(0, 4)))
        const id = await insertProblem(trx, {
          ...fields,
          code,
          campaign_id: null,
          responsible_user_id: null,
          status: 'open',
          rectified_on: null,
          signed_off_at: null,
          signed_off_by: null,
          signed_off_by_name: null,
          signoff_comment: null,
          reopen_count: 0,
          origin: 'import',
          version: 1,
          created_by: actor.id || null,
          created_at: at,
          voided_at: null,
          void_reason: null,
        })
        await insertMeasures(
          trx,
          r.measures.map((content, i) => ({
            problem_id: id,
            seq: i + 1,
            content,
            owner: r.owner,
            owner_unit_id: null,
            deadline: r.deadline,
            status: 'todo',
            done_on: null,
            version: 1,
            created_at: at,
            updated_at: at,
            voided_at: null,
            void_reason: null,
          })),
        )
        await recordProblemChange(
          trx,
          ctx,
          id,
          'import_create',
          { row: excelRow, measures: r.measures.length },
          {
            before: null,
            after: { ...audited, code },
          },
        )
        created++
      }
      if (failed) throw new RollBack()
    })
    .then(
      () => ({ created, updated, unchanged }),
      (e: unknown) => {
        if (e instanceof RollBack) return null
        throw e
      },
    )
}
