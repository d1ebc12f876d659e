/** 登记: a new case, its petitioners sealed, its first deadline set, its timeline begun. */
import type { Status } from '../../../domain/petitions/lifecycle.js'
import { maskName } from '../../../domain/privacy/mask.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, type FieldError } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { workCalendar } from '../calendar/work-calendar.js'
import { derived, todayInChina } from './derive.js'
import { idProblem, sealPerson } from './people.js'
import { getPetitionCase } from './read-cases.js'
import { findCaseByNo, insertCase, insertEvent, insertPeople, nextCaseNo, visibleTo } from './repository.js'
import type { CaseDetail, RegisterCaseInput } from './schema.js'
import { tokenize } from './tokens.js'
import { anyUnit, countyOf, unitInScope } from './units.js'

/** The category and its demand, both live, the demand under the category. */
export async function checkTaxonomy(trx: Tx, categoryId: number, demandId: number) {
  const rows = await trx
    .selectFrom('petition_categories')
    .selectAll()
    .where('id', 'in', [categoryId, demandId])
    .where('voided_at', 'is', null)
    .execute()
  const category = rows.find((r) => r.id === categoryId && r.parent_id === null)
  const demand = rows.find((r) => r.id === demandId)
  if (!category) throw badRequest('validation', {}, [{ field: 'categoryId', key: 'not_found' }])
  if (!demand || demand.parent_id !== categoryId)
    throw badRequest('validation', {}, [{ field: 'demandId', key: 'petition_demand_mismatch' }])
  return { category, demand }
}

export async function registerCase(ctx: Ctx, input: RegisterCaseInput): Promise<CaseDetail> {
  authorize(ctx.actor, 'petition.write')
  const today = todayInChina(ctx.now())
  const problems: FieldError[] = []
  if (input.receivedOn > today) problems.push({ field: 'receivedOn', key: 'petition_received_future' })
  input.petitioners.forEach((p, i) => {
    const key = p.idNumber ? idProblem(p.idNumber, today) : null
    if (key) problems.push({ field: `petitioners.${i}.idNumber`, key })
  })
  if (problems.length > 0) throw badRequest('validation', {}, problems)

  const id = await ctx.db.transaction().execute(async (trx) => {
    const { demand } = await checkTaxonomy(trx, input.categoryId, input.demandId)
    const unit = await unitInScope(trx, ctx.actor, input.orgUnitId, 'orgUnitId')
    const responsible = await unitInScope(trx, ctx.actor, input.responsibleUnitId, 'responsibleUnitId')
    // An accusation is hidden from the unit it accuses: by default the unit it concerns.
    const accused =
      input.kind === 'accusation'
        ? input.accusedUnitId
          ? await anyUnit(trx, input.accusedUnitId, 'accusedUnitId')
          : unit
        : null
    if (input.duplicateOf !== undefined) {
      const original = await trx
        .selectFrom('petition_cases')
        .select('id')
        .where('id', '=', input.duplicateOf)
        .where(visibleTo(ctx.actor))
        .executeTakeFirst()
      if (!original) throw badRequest('validation', {}, [{ field: 'duplicateOf', key: 'not_found' }])
    }
    // The registrar must not be inside the unit accused: the case would vanish for him, and the
    // statute wants it handled above the accused (by the next level or the discipline office).
    if (accused && ctx.actor.scopePath.startsWith(accused.path))
      throw badRequest('validation', {}, [
        { field: input.accusedUnitId ? 'accusedUnitId' : 'orgUnitId', key: 'petition_accused_self' },
      ])
    const caseNo = input.caseNo ?? (await nextCaseNo(trx, input.receivedOn.slice(0, 4)))
    if (await findCaseByNo(trx, caseNo)) throw conflict('petition_case_no_taken', { caseNo })
    const cal = await workCalendar(trx)
    const status: Status = 'registered'
    const dates = {
      received_on: input.receivedOn,
      forwarded_on: null,
      accepted_on: null,
      extension_days: 0,
      replied_on: null,
      review_requested_on: null,
      review_decided_on: null,
      rereview_requested_on: null,
      rereview_decided_on: null,
    }
    const at = nowIso(ctx)
    const caseId = await insertCase(trx, {
      case_no: caseNo,
      channel: input.channel,
      kind: input.kind,
      group_size: input.groupSize ?? null,
      category_id: input.categoryId,
      demand_id: input.demandId,
      summary: input.summary,
      tokens: tokenize(`${demand.name} ${input.summary}`).join(' '),
      org_unit_id: unit.id,
      county_id: await countyOf(trx, unit),
      level: input.level,
      responsible_unit_id: responsible.id,
      scope_path: responsible.path,
      responsible_leader: input.responsibleLeader ?? null,
      region_leader: input.regionLeader ?? null,
      accused_unit_id: accused?.id ?? null,
      accused_path: accused?.path ?? null,
      accused_user_id: null,
      petitioner_mask: maskName(input.petitioners[0]?.name ?? ''),
      people_count: input.petitioners.length,
      status,
      ...dates,
      forwarded_to_unit_id: null,
      outcome: null,
      closed_on: null,
      satisfaction: null,
      visited_on: null,
      ...derived(cal, status, dates),
      duplicate_of: input.duplicateOf ?? null,
      source: 'manual',
      import_hash: null,
      personal_erased_at: null,
      version: 1,
      created_by: ctx.actor.id || null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
    const role = input.groupSize ? 'representative' : 'petitioner'
    await insertPeople(
      trx,
      input.petitioners.map((p, i) => sealPerson(ctx.personal, caseId, i + 1, role, p)),
    )
    await insertEvent(trx, {
      case_id: caseId,
      at,
      on_date: input.receivedOn,
      action: 'register',
      actor_id: ctx.actor.id || null,
      actor_name: ctx.actor.displayName,
      detail_json: JSON.stringify({ channel: input.channel, duplicateOf: input.duplicateOf ?? null }),
    })
    // The audit names the case, never the petitioner.
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'petition.register',
      entity: 'petition_case',
      entityId: caseId,
      before: null,
      after: {
        caseNo,
        receivedOn: input.receivedOn,
        kind: input.kind,
        categoryId: input.categoryId,
        demandId: input.demandId,
      },
    })
    return caseId
  })
  return getPetitionCase(ctx, id)
}
