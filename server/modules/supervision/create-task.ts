/** A new key task: campaign and aspect, lead and co-units, dates, milestones, optional monthly duty. */
import { formatRule } from '../../../domain/supervision/recurrence.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, type FieldError } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { checkTaskUnits, loadVisibleTask } from './access.js'
import { loadVisibleCampaign } from './campaigns.js'
import { getTask } from './read-tasks.js'
import { recomputeProgress } from './recompute.js'
import { insertMilestones, insertTask, insertTaskUnits, listAspects } from './repository.js'
import type { CreateTaskInput, TaskDetail } from './schema.js'
import { addEvent } from './timeline.js'

/** The aspect, live and of the campaign, or a 400 on `aspectId`. */
export async function checkAspect(db: Tx, campaignId: number, aspectId: number) {
  const aspects = await listAspects(db, [campaignId])
  const aspect = aspects.find((a) => a.id === aspectId)
  if (!aspect)
    throw badRequest('validation', {}, [{ field: 'aspectId', key: 'supervision_aspect_not_in_campaign' }])
  return aspect
}

export function checkDates(startsOn: string, deadline: string, problems: FieldError[] = []) {
  if (deadline < startsOn)
    problems.push({
      field: 'deadline',
      key: 'supervision_deadline_before_start',
      params: { start: startsOn },
    })
  return problems
}

/** Writes the task (checks included, permission excluded): the use case and the demo share it. */
export async function writeTask(
  trx: Tx,
  ctx: Ctx,
  input: CreateTaskInput,
  source: 'manual' | 'demo' = 'manual',
): Promise<number> {
  const problems = checkDates(input.startsOn, input.deadline)
  if (problems.length) throw badRequest('validation', {}, problems)
  const campaign = await loadVisibleCampaign(trx, ctx.actor, input.campaignId, 'campaignId')
  await checkAspect(trx, campaign.id, input.aspectId)
  if (input.parentId !== undefined) {
    const parent = await loadVisibleTask(trx, ctx.actor, input.parentId).catch(() => null)
    if (!parent || parent.campaign_id !== campaign.id)
      throw badRequest('validation', {}, [{ field: 'parentId', key: 'supervision_parent_invalid' }])
  }
  const { lead, co } = await checkTaskUnits(trx, ctx.actor, input.leadUnitId, input.coUnitIds)
  const at = nowIso(ctx)
  const id = await insertTask(trx, {
    campaign_id: campaign.id,
    aspect_id: input.aspectId,
    parent_id: input.parentId ?? null,
    title: input.title,
    description: input.description,
    lead_unit_id: lead.id,
    leader: input.leader || null,
    starts_on: input.startsOn,
    deadline: input.deadline,
    original_deadline: input.deadline,
    weight: input.weight,
    status: 'not_started',
    done_on: null,
    progress_bp: 0,
    recurrence: input.recurrence ? formatRule(input.recurrence) : null,
    source,
    version: 1,
    created_by: ctx.actor.id || null,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
  })
  await insertTaskUnits(trx, [{ taskId: id, leadUnitId: lead.id, coUnitIds: co.map((u) => u.id) }])
  await insertMilestones(
    trx,
    input.milestones.map((m, i) => ({
      task_id: id,
      title: m.title,
      due_on: m.dueOn,
      weight: m.weight,
      done_on: null,
      sort_order: i + 1,
      version: 1,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })),
  )
  await addEvent(trx, ctx, id, 'create', { source, deadline: input.deadline, leadUnit: lead.name })
  await recordAudit(trx, ctx, ctx.actor, {
    action: 'supervision.task.create',
    entity: 'supervision_task',
    entityId: id,
    before: null,
    after: { ...input, source },
  })
  // A new sub-task changes its parent's progress.
  await recomputeProgress(trx, id)
  return id
}

export async function createTask(ctx: Ctx, input: CreateTaskInput): Promise<TaskDetail> {
  authorize(ctx.actor, 'task.write')
  const id = await ctx.db.transaction().execute((trx) => writeTask(trx, ctx, input))
  return getTask(ctx, id)
}
