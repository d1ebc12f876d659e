/**
 * Correcting or publishing an ethics case. Personal fields are re-sealed from the clear values
 * (decrypted in memory only), and the public summary is made again from them, so a published
 * summary always matches the case.
 */
import type { Handling } from '../../../domain/rectification/public-summary.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { schoolTerms } from './ethics-units.js'
import { liveItem, VIOLATION_TYPES } from './lists.js'
import { getEthicsCase, loadVisibleEthicsCase } from './read-ethics-cases.js'
import { checkCaseFields } from './register-ethics-case.js'
import { type EthicsCaseRow, updateEthicsVersioned } from './repository.js'
import type { UpdateEthicsCaseInput } from './schema.js'
import { openTeacher, sealTeacher, summaryOf } from './teachers.js'
import { todayInChina, unitInScope } from './units.js'

export async function updateEthicsCase(ctx: Ctx, id: number, input: UpdateEthicsCaseInput) {
  authorize(ctx.actor, 'ethics.write')
  const today = todayInChina(ctx.now())
  checkCaseFields(input, today)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadVisibleEthicsCase({ ...ctx, db: trx }, id)
    if (row.voided_at) throw notFound()
    if (row.version !== input.version) throw staleVersion(row.version)
    const school =
      input.schoolId !== undefined && input.schoolId !== row.school_unit_id
        ? await unitInScope(trx, ctx.actor, input.schoolId, 'schoolId')
        : null
    const type =
      input.violationTypeId !== undefined && input.violationTypeId !== row.violation_type_id
        ? await liveItem(trx, VIOLATION_TYPES, input.violationTypeId, 'violationTypeId')
        : null
    const before = openTeacher(ctx.personal, row as EthicsCaseRow)
    const plain = {
      name: input.teacherName ?? before.name,
      idNumber: input.teacherIdNumber === undefined ? before.idNumber : input.teacherIdNumber || null,
      finding: input.finding ?? before.finding,
      handlingDetail: input.handlingDetail ?? before.handlingDetail,
    }
    const schoolId = school?.id ?? row.school_unit_id
    const occurredOn = input.occurredOn ?? row.occurred_on
    const handling = (input.handling ?? row.handling) as Handling
    const published = input.published ?? row.published === 1
    const patch: Partial<Omit<EthicsCaseRow, 'id' | 'version'>> = {
      ...sealTeacher(ctx.personal, plain),
      school_unit_id: schoolId,
      scope_path: school?.path ?? row.scope_path,
      occurred_on: occurredOn,
      violation_type_id: type?.id ?? row.violation_type_id,
      handling,
      handled_on: input.handledOn === undefined ? row.handled_on : input.handledOn,
      published: published ? 1 : 0,
      published_on: published ? (row.published_on ?? today) : null,
      public_summary: summaryOf(plain, {
        ...(await schoolTerms(trx, schoolId)),
        violationType: type?.name ?? row.violation_type_name,
        occurredOn,
        handling,
      }),
      updated_at: nowIso(ctx),
    }
    if (!(await updateEthicsVersioned(trx, id, row.version, patch))) throw staleVersion(row.version + 1)
    // Which fields changed, never their personal values.
    const { version: _v, teacherName, teacherIdNumber, finding, ...plainChanges } = input
    await recordAudit(trx, ctx, ctx.actor, {
      action: input.published === true && row.published !== 1 ? 'ethics.publish' : 'ethics.update',
      entity: 'ethics_case',
      entityId: id,
      before: { caseNo: row.case_no, published: row.published === 1, handling: row.handling },
      after: {
        ...plainChanges,
        ...(teacherName !== undefined ? { teacherName: '***' } : {}),
        ...(teacherIdNumber !== undefined ? { teacherIdNumber: '***' } : {}),
        ...(finding !== undefined ? { finding: '***' } : {}),
      },
    })
  })
  return getEthicsCase(ctx, id)
}
