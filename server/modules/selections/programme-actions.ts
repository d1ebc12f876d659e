/**
 * A programme's life: draft → open (units apply) → reviewing (closed; experts assigned and score)
 * → scored (every assigned expert submitted; automatic) → decided (ranking frozen, proposed list)
 * → approved by a leader (or returned to scored with a reason) → notice (公示, published on a day,
 * ending after its working days on the calendar) → final (notice over, every objection answered).
 */
import { mayFinalise, noticeEnds, noticeState } from '../../../domain/selections/notice.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { workCalendar } from '../calendar/work-calendar.js'
import { addEvent, assertStatus, loadManagedProgramme, loadOverseenProgramme, today } from './access.js'
import { getProgramme, type ProgrammeView } from './programme-view.js'
import {
  findProgramme,
  insertResults,
  listObjections,
  type ProgrammeRow,
  updateVersioned,
} from './repository.js'
import { rankRound } from './round.js'
import { currentRound } from './round-views.js'
import type { ProgrammeActionInput } from './schema.js'

type Patch = Parameters<typeof updateVersioned<'selection_programmes'>>[4]

async function step(ctx: Ctx, trx: Tx, p: ProgrammeRow, input: ProgrammeActionInput): Promise<Patch> {
  const day = today(ctx)
  switch (input.action) {
    case 'open':
      assertStatus(p, 'draft')
      return { status: 'open' }
    case 'close':
      assertStatus(p, 'open')
      return { status: 'reviewing' }
    case 'decide': {
      assertStatus(p, 'scored')
      const ranked = rankRound(p, await currentRound(trx, p))
      const decisionNo = p.decision_no + 1
      await insertResults(
        trx,
        ranked.map((r) => ({
          programme_id: p.id,
          decision_no: decisionNo,
          application_id: r.item.application.id,
          rank: r.rank,
          outcome: r.outcome,
          final_outcome: null,
          score: r.item.score,
          heaviest: r.item.heaviest,
          median: r.item.median,
          method: r.item.aggregate.method,
          spread: r.item.aggregate.spread,
          dispersed: r.item.aggregate.dispersed ? 1 : 0,
          experts: r.item.totals.length,
        })),
      )
      return { status: 'decided', decision_no: decisionNo, decided_at: nowIso(ctx), return_reason: null }
    }
    case 'approve':
      assertStatus(p, 'decided')
      return { status: 'approved', approved_on: day, approved_by_name: ctx.actor.displayName }
    case 'return':
      assertStatus(p, 'decided')
      if (!input.reason)
        throw badRequest('validation', {}, [{ field: 'reason', key: 'selection_reason_required' }])
      return { status: 'scored', return_reason: input.reason, decided_at: null }
    case 'publish': {
      assertStatus(p, 'approved')
      const on = input.on ?? day
      if (p.approved_on && on < p.approved_on)
        throw badRequest('validation', {}, [
          { field: 'on', key: 'selection_notice_before_approval', params: { approved: p.approved_on } },
        ])
      const ends = noticeEnds(await workCalendar(trx), on, p.notice_days)
      return { status: 'notice', notice_published_on: on, notice_ends_on: ends }
    }
    case 'finalise': {
      assertStatus(p, 'notice')
      const state = noticeState(day, p.notice_published_on, p.notice_ends_on)
      const open = (await listObjections(trx, p.id)).filter((o) => o.answer === null).length
      if (state !== 'closed') throw conflict('selection_notice_running', { ends: p.notice_ends_on })
      if (!mayFinalise(state, open)) throw conflict('selection_objections_open', { n: open })
      return { status: 'final', finalised_on: day }
    }
  }
}

export async function actOnProgramme(
  ctx: Ctx,
  id: number,
  input: ProgrammeActionInput,
): Promise<ProgrammeView> {
  const leaderStep = input.action === 'approve' || input.action === 'return'
  await ctx.db.transaction().execute(async (trx) => {
    let p: ProgrammeRow
    if (leaderStep) {
      authorize(ctx.actor, 'selection.approve')
      p = await loadOverseenProgramme(ctx, trx, id)
    } else p = await loadManagedProgramme(ctx, trx, id)
    if (p.version !== input.version) throw staleVersion(p.version)
    const patch = await step(ctx, trx, p, input)
    if (
      !(await updateVersioned(trx, 'selection_programmes', id, input.version, {
        ...patch,
        updated_at: nowIso(ctx),
      }))
    )
      throw staleVersion(input.version + 1)
    const detail = { from: p.status, to: patch.status, ...(input.reason ? { reason: input.reason } : {}) }
    await addEvent(trx, ctx, id, input.action, {
      ...detail,
      ...(patch.notice_published_on
        ? { publishedOn: patch.notice_published_on, endsOn: patch.notice_ends_on }
        : {}),
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: `selection.programme.${input.action}`,
      entity: 'selection_programme',
      entityId: id,
      before: { status: p.status },
      after: patch as Record<string, unknown>,
    })
  })
  return getProgramme(ctx, id)
}

/**
 * Reviewing ↔ scored, after any change to assignments or scores: scored once every submitted
 * application has at least one expert and every assigned expert has submitted.
 */
export async function refreshScored(trx: Tx, ctx: Ctx, programmeId: number): Promise<void> {
  const p = await findProgramme(trx, programmeId)
  if (!p || (p.status !== 'reviewing' && p.status !== 'scored')) return
  const rows = await currentRound(trx, p)
  const done = rows.length > 0 && rows.every((r) => r.assignments.length > 0 && r.pending.length === 0)
  const next = done ? 'scored' : 'reviewing'
  if (next === p.status) return
  await trx
    .updateTable('selection_programmes')
    .set((eb) => ({ status: next, version: eb('version', '+', 1), updated_at: nowIso(ctx) }))
    .where('id', '=', p.id)
    .execute()
  await addEvent(trx, ctx, p.id, next === 'scored' ? 'all_scored' : 'reopened_for_scores', { from: p.status })
}
