/**
 * Supervision notices (督办通知): a leader (task.approve) issues one to a lead unit about its open
 * tasks (by default every overdue one); the text is generated (domain/supervision/notice.ts) and
 * kept as it was sent, with a number 督办〔年〕N号. Each task's timeline records the notice.
 */
import { addDays } from '../../../domain/calendar/calendar.js'
import { noticeText, noticeTitle } from '../../../domain/supervision/notice.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, notFound } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { findById } from '../org/repository.js'
import { unitInScope } from './access.js'
import { todayInChina } from './derive.js'
import { allTasks } from './read-tasks.js'
import { countNotices, insertNotice, listNoticeRows, type NoticeRow, nextNoticeNo } from './repository.js'
import type { NoticeView } from './schema.js'
import { loadSettings } from './settings.js'
import { addEvent } from './timeline.js'

const BUREAU_KINDS = new Set(['province', 'city', 'county'])

/** 示例市 → 示例市教育局: a region unit issues as its education bureau. */
function issuerName(unit: { name: string; kind: string } | undefined): string {
  if (!unit) return '教育局'
  if (unit.name.endsWith('教育局') || !BUREAU_KINDS.has(unit.kind)) return unit.name
  return `${unit.name}教育局`
}

function present(r: NoticeRow & { unit_name: string }): NoticeView {
  return {
    id: r.id,
    noticeNo: r.notice_no,
    unitId: r.org_unit_id,
    unit: r.unit_name,
    level: r.level,
    title: r.title,
    body: r.body,
    replyBy: r.reply_by,
    tasks: JSON.parse(r.tasks_json) as NoticeView['tasks'],
    createdBy: r.created_by_name,
    createdAt: r.created_at,
  }
}

export async function createNotice(
  ctx: Ctx,
  input: { unitId: number; taskIds?: number[] | undefined; replyBy?: string | undefined },
): Promise<NoticeView> {
  authorize(ctx.actor, 'task.approve')
  const today = todayInChina(ctx.now())
  const replyBy = input.replyBy ?? addDays(today, 5)
  if (replyBy < today)
    throw badRequest('validation', {}, [{ field: 'replyBy', key: 'supervision_date_past' }])
  const s = await loadSettings(ctx.db)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const unit = await unitInScope(trx, ctx.actor, input.unitId, 'unitId')
    const tasks = await allTasks(
      trx,
      ctx.dialect,
      ctx.actor,
      input.taskIds
        ? { ids: [...new Set(input.taskIds)], open: true }
        : { leadUnitId: unit.id, open: true, deadlineBefore: today },
      today,
      s,
    )
    if (input.taskIds) {
      const wrong = [...new Set(input.taskIds)].findIndex(
        (tid) => !tasks.some((t) => t.id === tid && t.leadUnitId === unit.id),
      )
      if (wrong >= 0)
        throw badRequest('validation', {}, [
          { field: `taskIds.${wrong}`, key: 'supervision_notice_task_mismatch' },
        ])
    }
    if (tasks.length === 0)
      throw badRequest('validation', {}, [{ field: 'unitId', key: 'supervision_notice_no_tasks' }])
    tasks.sort((a, b) => b.daysOverdue - a.daysOverdue || a.deadline.localeCompare(b.deadline) || a.id - b.id)
    const level = Math.max(0, ...tasks.map((t) => t.escalation)) as 0 | 1 | 2
    const noticeNo = await nextNoticeNo(trx, today.slice(0, 4))
    const issuer = issuerName(await findById(trx, ctx.actor.orgUnitId))
    const body = noticeText({
      noticeNo,
      unit: unit.name,
      issuer,
      today,
      replyBy,
      level,
      tasks: tasks.map((t) => ({
        title: t.title,
        deadline: t.deadline,
        daysOverdue: t.daysOverdue,
        daysLeft: t.daysLeft,
        leader: t.leader,
      })),
    })
    const listed = tasks.map((t) => ({
      id: t.id,
      title: t.title,
      deadline: t.deadline,
      daysOverdue: t.daysOverdue,
    }))
    const at = nowIso(ctx)
    const id = await insertNotice(trx, {
      notice_no: noticeNo,
      org_unit_id: unit.id,
      level,
      title: noticeTitle(unit.name),
      body,
      tasks_json: JSON.stringify(listed),
      reply_by: replyBy,
      created_by: ctx.actor.id || null,
      created_by_name: ctx.actor.displayName,
      created_at: at,
      voided_at: null,
      void_reason: null,
    })
    for (const t of tasks) await addEvent(trx, ctx, t.id, 'notice', { noticeId: id, noticeNo, level })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.notice.create',
      entity: 'supervision_notice',
      entityId: id,
      before: null,
      after: { noticeNo, unitId: unit.id, level, tasks: listed.map((t) => t.id), replyBy },
    })
    return id
  })
  return getNotice(ctx, id)
}

export async function getNotice(ctx: Ctx, id: number): Promise<NoticeView> {
  authorize(ctx.actor, 'task.read')
  const [row] = await listNoticeRows(ctx.db, ctx.actor, { id }, { limit: 1, offset: 0 })
  if (!row) throw notFound()
  return present(row)
}

export async function listNotices(
  ctx: Ctx,
  q: { unitId?: number | undefined; page: number; pageSize: number },
) {
  authorize(ctx.actor, 'task.read')
  const rows = await listNoticeRows(
    ctx.db,
    ctx.actor,
    { unitId: q.unitId },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  )
  return { items: rows.map(present), total: await countNotices(ctx.db, ctx.actor, q.unitId) }
}
