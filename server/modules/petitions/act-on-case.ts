/**
 * Moves a case through its statutory stages (accept, forward, extend, reply, review …). The domain
 * decides what is legal and when (domain/petitions); this use case checks scope and version,
 * stores the new dates and the recomputed deadlines, and writes the timeline and the audit.
 */
import { applyAction, checkAction, nextStatus, type Status } from '../../../domain/petitions/lifecycle.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { workCalendar } from '../calendar/work-calendar.js'
import { caseDates, dateFields, deadlinesOf, derived, todayInChina } from './derive.js'
import { getPetitionCase, loadVisibleCase } from './read-cases.js'
import { type CaseRow, insertEvent, updateCaseVersioned } from './repository.js'
import type { ActionInput, CaseDetail } from './schema.js'
import { unitInScope } from './units.js'

const NEEDS_NOTE = new Set(['extend', 'object', 'decline'])

/** The form field a refusal is about, so the web can mark it. */
function fieldOf(code: string): string {
  if (code.startsWith('extension_')) return 'extensionDays'
  if (code === 'outcome_required') return 'outcome'
  if (code === 'satisfaction_required') return 'satisfaction'
  if (code === 'illegal_transition') return 'action'
  return 'on'
}

export async function actOnCase(ctx: Ctx, id: number, input: ActionInput): Promise<CaseDetail> {
  authorize(ctx.actor, 'petition.write')
  const today = todayInChina(ctx.now())
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadVisibleCase({ ...ctx, db: trx }, id)
    if (row.voided_at) throw badRequest('illegal_transition')
    if (row.version !== input.version) throw staleVersion(row.version)
    if (input.on > today)
      throw badRequest('validation', {}, [{ field: 'on', key: 'petition_action_in_future' }])
    if (NEEDS_NOTE.has(input.action) && !input.note)
      throw badRequest('validation', {}, [{ field: 'note', key: 'petition_note_required' }])

    const cal = await workCalendar(trx)
    const status = row.status as Status
    const dates = caseDates(row)
    const refusal = checkAction(cal, status, dates, {
      action: input.action,
      on: input.on,
      ...(input.extensionDays !== undefined ? { extensionDays: input.extensionDays } : {}),
      ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
      ...(input.satisfaction !== undefined ? { satisfaction: input.satisfaction } : {}),
    })
    if (refusal)
      throw badRequest(refusal.code, refusal.params ?? {}, [
        { field: fieldOf(refusal.code), key: refusal.code, params: refusal.params ?? {} },
      ])
    // An extension is approved before the period runs out, not after (Art. 34).
    const handlingDue = deadlinesOf(cal, status, row).handlingDue
    if (input.action === 'extend' && handlingDue && input.on > handlingDue)
      throw badRequest('late_extension', { due: handlingDue }, [
        { field: 'on', key: 'late_extension', params: { due: handlingDue } },
      ])

    const next = nextStatus(status, input.action) ?? status
    const newDates = applyAction(dates, {
      action: input.action,
      on: input.on,
      ...(input.extensionDays !== undefined ? { extensionDays: input.extensionDays } : {}),
    })
    const patch: Partial<Omit<CaseRow, 'id' | 'version'>> = { ...dateFields(newDates), status: next }
    const detail: Record<string, unknown> = { note: input.note ?? null }
    switch (input.action) {
      case 'forward': {
        if (!input.forwardToUnitId)
          throw badRequest('validation', {}, [
            { field: 'forwardToUnitId', key: 'petition_forward_unit_required' },
          ])
        const to = await unitInScope(trx, ctx.actor, input.forwardToUnitId, 'forwardToUnitId')
        Object.assign(patch, { forwarded_to_unit_id: to.id, responsible_unit_id: to.id, scope_path: to.path })
        Object.assign(detail, { fromUnitId: row.responsible_unit_id, toUnitId: to.id, toUnit: to.short_name })
        break
      }
      case 'object': {
        // Back to the unit that forwarded it, recorded on the forward event.
        const fwd = await trx
          .selectFrom('petition_events')
          .select('detail_json')
          .where('case_id', '=', id)
          .where('action', '=', 'forward')
          .orderBy('id', 'desc')
          .executeTakeFirst()
        const from = fwd ? (JSON.parse(fwd.detail_json) as { fromUnitId?: number }).fromUnitId : undefined
        const back = from
          ? await trx.selectFrom('org_units').selectAll().where('id', '=', from).executeTakeFirst()
          : undefined
        if (back) Object.assign(patch, { responsible_unit_id: back.id, scope_path: back.path })
        Object.assign(patch, { forwarded_to_unit_id: null })
        break
      }
      case 'extend':
        Object.assign(detail, { days: input.extensionDays, approvedBy: input.approvedBy ?? null })
        break
      case 'reply':
        Object.assign(patch, { outcome: input.outcome, closed_on: input.on })
        Object.assign(detail, { outcome: input.outcome })
        break
      case 'decline':
        Object.assign(patch, { closed_on: input.on })
        break
      case 'visit':
        Object.assign(patch, { satisfaction: input.satisfaction, visited_on: input.on })
        Object.assign(detail, { satisfaction: input.satisfaction })
        break
      default:
        break
    }
    Object.assign(patch, derived(cal, next, dateFields(newDates)), { updated_at: nowIso(ctx) })
    if (!(await updateCaseVersioned(trx, id, row.version, patch))) throw staleVersion(row.version + 1)
    await insertEvent(trx, {
      case_id: id,
      at: nowIso(ctx),
      on_date: input.on,
      action: input.action,
      actor_id: ctx.actor.id || null,
      actor_name: ctx.actor.displayName,
      detail_json: JSON.stringify(detail),
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: `petition.${input.action}`,
      entity: 'petition_case',
      entityId: id,
      before: { status, version: row.version },
      after: { status: next, on: input.on, ...detail },
    })
  })
  return getPetitionCase(ctx, id)
}
