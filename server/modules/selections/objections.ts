/**
 * Objections during the public notice (公示异议). Anyone who sees the programme may lodge one from
 * the first to the last day of the notice (after it: 400 `selection_notice_closed`), about the
 * list or one application on it. The programme's managers answer each; an upheld objection against
 * an application on the list takes it off (final outcome `revoked`). The list is final only when
 * the notice is over and every objection is answered (programme-actions.ts).
 */
import { noticeState } from '../../../domain/selections/notice.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { addEvent, assertStatus, loadManagedProgramme, loadProgramme, today } from './access.js'
import { getProgramme, type ProgrammeView } from './programme-view.js'
import {
  findObjection,
  insertObjection,
  listResults,
  setFinalOutcome,
  updateVersioned,
} from './repository.js'

export async function lodgeObjection(
  ctx: Ctx,
  programmeId: number,
  input: { text: string; applicationId?: number | undefined },
): Promise<ProgrammeView> {
  authorize(ctx.actor, 'selection.read')
  await ctx.db.transaction().execute(async (trx) => {
    const { p } = await loadProgramme(ctx, trx, programmeId)
    assertStatus(p, 'notice')
    const day = today(ctx)
    if (noticeState(day, p.notice_published_on, p.notice_ends_on) !== 'open')
      throw badRequest('selection_notice_closed', { ends: p.notice_ends_on })
    if (input.applicationId) {
      const onList = (await listResults(trx, p.id, p.decision_no)).some(
        (r) => r.application_id === input.applicationId,
      )
      if (!onList) throw badRequest('validation', {}, [{ field: 'applicationId', key: 'not_found' }])
    }
    const id = await insertObjection(trx, {
      programme_id: p.id,
      application_id: input.applicationId ?? null,
      text: input.text,
      lodged_by: ctx.actor.id || null,
      lodged_by_name: ctx.actor.displayName,
      lodged_on: day,
      answer: null,
      upheld: null,
      answered_by_name: null,
      answered_at: null,
      version: 1,
      created_at: nowIso(ctx),
      voided_at: null,
      void_reason: null,
    })
    await addEvent(trx, ctx, p.id, 'objection', { objectionId: id }, input.applicationId ?? null)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.objection.lodge',
      entity: 'selection_objection',
      entityId: id,
      before: null,
      after: input,
    })
  })
  return getProgramme(ctx, programmeId)
}

export async function answerObjection(
  ctx: Ctx,
  objectionId: number,
  input: { version: number; answer: string; upheld: boolean },
): Promise<ProgrammeView> {
  authorize(ctx.actor, 'selection.manage')
  const o = await findObjection(ctx.db, objectionId)
  if (!o || o.voided_at) throw notFound()
  await ctx.db.transaction().execute(async (trx) => {
    const p = await loadManagedProgramme(ctx, trx, o.programme_id)
    assertStatus(p, 'notice')
    if (o.version !== input.version) throw staleVersion(o.version)
    const at = nowIso(ctx)
    const ok = await updateVersioned(trx, 'selection_objections', o.id, input.version, {
      answer: input.answer,
      upheld: input.upheld ? 1 : 0,
      answered_by_name: ctx.actor.displayName,
      answered_at: at,
    })
    if (!ok) throw staleVersion(input.version + 1)
    if (input.upheld && o.application_id) {
      const r = (await listResults(trx, p.id, p.decision_no)).find(
        (x) => x.application_id === o.application_id,
      )
      if (r && (r.outcome === 'selected' || r.outcome === 'passed'))
        await setFinalOutcome(trx, r.id, 'revoked')
    }
    await addEvent(
      trx,
      ctx,
      p.id,
      'objection_answer',
      { objectionId: o.id, upheld: input.upheld },
      o.application_id,
    )
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.objection.answer',
      entity: 'selection_objection',
      entityId: o.id,
      before: { answer: o.answer, upheld: o.upheld },
      after: { answer: input.answer, upheld: input.upheld },
    })
  })
  return getProgramme(ctx, o.programme_id)
}
