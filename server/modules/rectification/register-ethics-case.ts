/** 登记师德师风案件: the teacher sealed, the finding sealed and masked, the public summary made. */
import type { Handling } from '../../../domain/rectification/public-summary.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, type FieldError } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { schoolTerms } from './ethics-units.js'
import { liveItem, VIOLATION_TYPES } from './lists.js'
import { getEthicsCase } from './read-ethics-cases.js'
import { insertEthicsCase, nextEthicsCaseNo } from './repository.js'
import type { RegisterEthicsCaseInput } from './schema.js'
import { idProblem, sealTeacher, summaryOf } from './teachers.js'
import { todayInChina, unitInScope } from './units.js'

/** Date and ID checks shared by registration and correction. */
export function checkCaseFields(
  input: {
    occurredOn?: string | undefined
    handledOn?: string | null | undefined
    teacherIdNumber?: string | null | undefined
  },
  today: string,
) {
  const problems: FieldError[] = []
  if (input.occurredOn !== undefined && input.occurredOn > today)
    problems.push({ field: 'occurredOn', key: 'rectification_date_future' })
  if (input.handledOn && input.handledOn > today)
    problems.push({ field: 'handledOn', key: 'rectification_date_future' })
  const key = input.teacherIdNumber ? idProblem(input.teacherIdNumber, today) : null
  if (key) problems.push({ field: 'teacherIdNumber', key })
  if (problems.length > 0) throw badRequest('validation', {}, problems)
}

export async function registerEthicsCase(ctx: Ctx, input: RegisterEthicsCaseInput) {
  authorize(ctx.actor, 'ethics.write')
  const today = todayInChina(ctx.now())
  checkCaseFields(input, today)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const school = await unitInScope(trx, ctx.actor, input.schoolId, 'schoolId')
    const type = await liveItem(trx, VIOLATION_TYPES, input.violationTypeId, 'violationTypeId')
    const plain = {
      name: input.teacherName,
      idNumber: input.teacherIdNumber || null,
      finding: input.finding,
      handlingDetail: input.handlingDetail,
    }
    const sealed = sealTeacher(ctx.personal, plain)
    const caseNo = await nextEthicsCaseNo(trx, input.occurredOn.slice(0, 4))
    const at = nowIso(ctx)
    const caseId = await insertEthicsCase(trx, {
      case_no: caseNo,
      school_unit_id: school.id,
      scope_path: school.path,
      ...sealed,
      occurred_on: input.occurredOn,
      violation_type_id: type.id,
      handling: input.handling,
      handled_on: input.handledOn ?? null,
      published: input.published ? 1 : 0,
      published_on: input.published ? today : null,
      public_summary: summaryOf(plain, {
        ...(await schoolTerms(trx, school.id)),
        violationType: type.name,
        occurredOn: input.occurredOn,
        handling: input.handling as Handling,
      }),
      version: 1,
      created_by: ctx.actor.id || null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
    // The audit names the case, never the teacher.
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'ethics.register',
      entity: 'ethics_case',
      entityId: caseId,
      before: null,
      after: {
        caseNo,
        schoolId: school.id,
        occurredOn: input.occurredOn,
        violationTypeId: type.id,
        handling: input.handling,
        published: input.published,
      },
    })
    return caseId
  })
  return getEthicsCase(ctx, id)
}
