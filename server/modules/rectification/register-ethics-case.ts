/** 登记师德师风案件: the teacher sealed, the finding sealed and masked, the public summary made. */
import type { Handling } from '../../../domain/rectification/public-summary.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, type FieldError } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import type { PersonalDataCipher } from '../../privacy/personal-data.js'
import { schoolTerms } from './ethics-units.js'
import { liveItem, VIOLATION_TYPES } from './lists.js'
import { getEthicsCase } from './read-ethics-cases.js'
import { type EthicsCaseRow, insertEthicsCase, nextEthicsCaseNo } from './repository.js'
import type { RegisterEthicsCaseInput } from './schema.js'
import { idProblem, sealTeacher, summaryOf, type TeacherPlain } from './teachers.js'
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

/**
 * A case's stored form, as registration and the import both write it: the teacher and the finding
 * sealed (encrypted, masked, hashed), and the public summary made from the clear values.
 */
export async function sealedCase(
  trx: Tx,
  cipher: PersonalDataCipher,
  c: {
    school: { id: number; path: string }
    type: { id: number; name: string }
    plain: TeacherPlain
    occurredOn: string
    handling: Handling
    handledOn: string | null
    /** The day it was published; null: not published. */
    publishedOn: string | null
    /** The school's name and regions, when the caller has them already (an import, per school). */
    terms?: Awaited<ReturnType<typeof schoolTerms>>
  },
): Promise<Omit<EthicsCaseRow, 'id' | 'case_no' | 'version' | TrailFields>> {
  return {
    school_unit_id: c.school.id,
    scope_path: c.school.path,
    ...sealTeacher(cipher, c.plain),
    occurred_on: c.occurredOn,
    violation_type_id: c.type.id,
    handling: c.handling,
    handled_on: c.handledOn,
    published: c.publishedOn ? 1 : 0,
    published_on: c.publishedOn,
    public_summary: summaryOf(c.plain, {
      ...(c.terms ?? (await schoolTerms(trx, c.school.id))),
      violationType: c.type.name,
      occurredOn: c.occurredOn,
      handling: c.handling,
    }),
  }
}

type TrailFields = 'created_by' | 'created_at' | 'updated_at' | 'voided_at' | 'void_reason'

export async function registerEthicsCase(ctx: Ctx, input: RegisterEthicsCaseInput) {
  authorize(ctx.actor, 'ethics.write')
  const today = todayInChina(ctx.now())
  checkCaseFields(input, today)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const school = await unitInScope(trx, ctx.actor, input.schoolId, 'schoolId')
    const type = await liveItem(trx, VIOLATION_TYPES, input.violationTypeId, 'violationTypeId')
    const caseNo = await nextEthicsCaseNo(trx, input.occurredOn.slice(0, 4))
    const at = nowIso(ctx)
    const caseId = await insertEthicsCase(trx, {
      case_no: caseNo,
      ...(await sealedCase(trx, ctx.personal, {
        school,
        type,
        plain: {
          name: input.teacherName,
          idNumber: input.teacherIdNumber || null,
          finding: input.finding,
          handlingDetail: input.handlingDetail,
        },
        occurredOn: input.occurredOn,
        handling: input.handling,
        handledOn: input.handledOn ?? null,
        publishedOn: input.published ? today : null,
      })),
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
