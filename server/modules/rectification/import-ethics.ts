/**
 * Importing teacher-ethics cases from Excel, all or nothing, as a job. Every row is checked first
 * (cells by the spec, then the school, the violation type and the case number against the
 * database); only when no row has an error is anything written, in one transaction. A row whose
 * 案件编号 matches a live case in the importer's scope updates it when something differs and is
 * left alone otherwise, so importing the same file twice changes nothing.
 *
 * Personal data is sealed exactly as registration seals it (`sealedCase`). Nothing personal
 * leaves the import except in the user's own sheet handed back as the error report: messages
 * name cells, schools and types, never a teacher; audit rows name the case and its row.
 */
import type { Handling } from '../../../domain/rectification/public-summary.js'
import { recordAudit } from '../../audit/record.js'
import type { Actor, Ctx, Services } from '../../context.js'
import { staleVersion } from '../../http/errors.js'
import type { JobRun } from '../../jobs/queue.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { type Report, runSheetImport } from '../../spreadsheet/import-job.js'
import { buildTemplate } from '../../spreadsheet/template.js'
import { schoolFinder } from './ethics-schools.js'
import { schoolTerms } from './ethics-units.js'
import { type EthicsImportRow, ethicsImportSpec } from './import-ethics-spec.js'
import { allItems, VIOLATION_TYPES } from './lists.js'
import { sealedCase } from './register-ethics-case.js'
import {
  type EthicsListRow,
  findEthicsByCaseNos,
  insertEthicsCase,
  updateEthicsVersioned,
} from './repository.js'
import { maskForLists, openTeacher } from './teachers.js'
import { todayInChina } from './units.js'

export const ETHICS_IMPORT_JOB = 'ethics.import'

export async function startEthicsImport(
  ctx: Ctx,
  file: { filename: string; bytes: Buffer },
): Promise<number> {
  authorize(ctx.actor, 'ethics.write')
  return ctx.jobs.enqueue(ETHICS_IMPORT_JOB, {}, ctx.actor, [
    { role: 'input', filename: file.filename, contentType: 'application/octet-stream', bytes: file.bytes },
  ])
}

export function runEthicsImport(run: JobRun<unknown>) {
  return runSheetImport(run, ethicsImportSpec, (job) =>
    applyRows(run.services, run.actor, job.rows, job.report, job.checkOnly),
  )
}

/** Thrown to roll the transaction back after every row was checked and reported. */
class RollBack extends Error {}

/** The template, its 违规类型 column offering the types configured today. */
export async function ethicsImportTemplate(ctx: Ctx): Promise<Buffer> {
  authorize(ctx.actor, 'ethics.write')
  const types = (await allItems(ctx.db, VIOLATION_TYPES)).filter((t) => !t.voided_at).map((t) => t.name)
  const columns = ethicsImportSpec.columns.map((c) =>
    c.field === 'violationType' ? { ...c, parser: { ...c.parser, options: types } } : c,
  )
  return buildTemplate({ columns }, ctx.locale)
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')

function same(row: EthicsListRow, services: Services, r: EthicsImportRow, schoolId: number, typeId: number) {
  if (
    row.school_unit_id !== schoolId ||
    row.occurred_on !== r.occurredOn ||
    row.violation_type_id !== typeId ||
    row.handling !== r.handling ||
    (row.handled_on ?? null) !== (r.handledOn ?? null) ||
    (row.published === 1) !== r.published
  )
    return false
  // Compared in memory only; the handling note is stored with the name masked, so it is compared so.
  const before = openTeacher(services.personal, row)
  return (
    before.name === r.teacherName &&
    (before.idNumber ?? null) === (r.idNumber ?? null) &&
    before.finding === r.finding &&
    row.handling_detail === maskForLists(r.handlingDetail, { name: r.teacherName, idNumber: r.idNumber })
  )
}

async function applyRows(
  services: Services,
  actor: Actor,
  rows: { excelRow: number; value: EthicsImportRow }[],
  report: Report,
  /** Other rows did not parse: check these all the same (one report lists every problem), write nothing. */
  checkOnly: boolean,
) {
  authorize(actor, 'ethics.write')
  const ctx: Ctx = { ...services, actor, locale: 'zh-CN' }
  const at = services.now().toISOString()
  const today = todayInChina(services.now())
  let created = 0
  let updated = 0
  let unchanged = 0
  return services.db
    .transaction()
    .execute(async (trx) => {
      const live = (await allItems(trx, VIOLATION_TYPES)).filter((t) => !t.voided_at)
      const types = new Map(live.map((t) => [norm(t.name), t]))
      const typeNames = live.map((t) => t.name).join('、')
      const findSchool = await schoolFinder(trx, actor)
      const cases = await findEthicsByCaseNos(
        trx,
        rows.map((r) => r.value.caseNo),
      )
      const terms = new Map<number, Awaited<ReturnType<typeof schoolTerms>>>()
      const termsOf = async (id: number) => {
        const found = terms.get(id) ?? (await schoolTerms(trx, id))
        terms.set(id, found)
        return found
      }
      let failed = checkOnly
      const fail: Report = (...args) => {
        report(...args)
        failed = true
      }
      for (const { excelRow, value: r } of rows) {
        const school = findSchool(r.school)
        if ('error' in school) fail(excelRow, 'school', school.error, { value: r.school })
        const type = types.get(norm(r.violationType))
        if (!type)
          fail(excelRow, 'violationType', 'ethics_import_unknown_type', {
            value: r.violationType,
            types: typeNames,
          })
        if (r.occurredOn > today) fail(excelRow, 'occurredOn', 'rectification_date_future')
        if (r.handledOn && r.handledOn > today) fail(excelRow, 'handledOn', 'rectification_date_future')
        const existing = cases.get(r.caseNo)
        // Taken by a voided case, or by one outside the importer's scope (which is not named).
        if (existing && (existing.voided_at || !inScope(actor, existing.scope_path)))
          fail(excelRow, 'caseNo', 'ethics_case_no_taken', { caseNo: r.caseNo })
        // Once anything failed nothing is written: the rest are only checked.
        if (failed || 'error' in school || !type) continue

        if (existing && same(existing, services, r, school.unit.id, type.id)) {
          unchanged++
          continue
        }
        const publishedOn = r.published ? (existing?.published_on ?? today) : null
        const fields = await sealedCase(trx, services.personal, {
          school: school.unit,
          type,
          plain: {
            name: r.teacherName,
            idNumber: r.idNumber,
            finding: r.finding,
            handlingDetail: r.handlingDetail,
          },
          occurredOn: r.occurredOn,
          handling: r.handling as Handling,
          handledOn: r.handledOn,
          publishedOn,
          terms: await termsOf(school.unit.id),
        })
        // The audit keeps the case's own fields, never the teacher's.
        const after = {
          caseNo: r.caseNo,
          schoolId: school.unit.id,
          occurredOn: r.occurredOn,
          violationTypeId: type.id,
          handling: r.handling,
          handledOn: r.handledOn,
          published: r.published,
        }
        if (existing) {
          if (
            !(await updateEthicsVersioned(trx, existing.id, existing.version, { ...fields, updated_at: at }))
          )
            throw staleVersion(existing.version + 1)
          await recordAudit(trx, ctx, actor, {
            action: 'ethics.import_update',
            entity: 'ethics_case',
            entityId: existing.id,
            before: {
              caseNo: existing.case_no,
              schoolId: existing.school_unit_id,
              occurredOn: existing.occurred_on,
              violationTypeId: existing.violation_type_id,
              handling: existing.handling,
              handledOn: existing.handled_on,
              published: existing.published === 1,
            },
            // The teacher's fields are rewritten from the sheet, whether or not they changed: '***'.
            after: { ...after, teacher: '***', row: excelRow },
          })
          updated++
          continue
        }
        const id = await insertEthicsCase(trx, {
          case_no: r.caseNo,
          ...fields,
          version: 1,
          created_by: actor.id || null,
          created_at: at,
          updated_at: at,
          voided_at: null,
          void_reason: null,
        })
        await recordAudit(trx, ctx, actor, {
          action: 'ethics.import_create',
          entity: 'ethics_case',
          entityId: id,
          before: null,
          after: { ...after, row: excelRow },
        })
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
