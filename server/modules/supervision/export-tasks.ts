/**
 * The task list as .xlsx, with the filters on screen. Its first eight columns carry the import's
 * headers, so an exported list can be edited and imported back.
 */
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { todayInChina } from './derive.js'
import { DUE_ZH, STATUS_ZH } from './labels.js'
import { allTasks, toFilter } from './read-tasks.js'
import type { ListTasksQuery } from './schema.js'
import { loadSettings } from './settings.js'

const MAX_EXPORT = 50_000

const ESCALATION_ZH = ['', '单位领导督办', '局领导督办']

export async function exportTasks(ctx: Ctx, q: ListTasksQuery): Promise<Buffer> {
  authorize(ctx.actor, 'task.read')
  const s = await loadSettings(ctx.db)
  const today = todayInChina(ctx.now())
  const f = await toFilter(ctx.db, q, today, s.dueSoonDays)
  const tasks = await allTasks(ctx.db, ctx.dialect, ctx.actor, f, today, s, MAX_EXPORT)
  return writeXlsx([
    {
      name: '重点工作任务',
      columns: [
        { header: '所属活动', key: 'campaign', width: 24 },
        { header: '方面', key: 'aspect', width: 16 },
        { header: '任务名称', key: 'title', width: 40 },
        { header: '牵头单位', key: 'lead', width: 16 },
        { header: '配合单位', key: 'co', width: 24 },
        { header: '责任领导', key: 'leader' },
        { header: '开始日期', key: 'start', type: 'date' },
        { header: '完成时限', key: 'deadline', type: 'date' },
        { header: '原定时限', key: 'original', type: 'date' },
        { header: '状态', key: 'status' },
        { header: '进度（%）', key: 'progress', numFmt: '0.0' },
        { header: '完成日期', key: 'done', type: 'date' },
        { header: '时限状态', key: 'due' },
        { header: '逾期天数', key: 'overdue' },
        { header: '督办级别', key: 'escalation' },
      ],
      rows: tasks.map((t) => ({
        campaign: t.campaign,
        aspect: t.aspect,
        title: t.title,
        lead: t.leadUnit,
        co: t.coUnits.map((u) => u.name).join('、'),
        leader: t.leader ?? '',
        start: t.startsOn,
        deadline: t.deadline,
        original: t.originalDeadline,
        status: t.voided ? '已作废' : (STATUS_ZH[t.status] ?? t.status),
        progress: t.progress,
        done: t.doneOn ?? '',
        due: DUE_ZH[t.dueState] ?? t.dueState,
        overdue: t.daysOverdue || null,
        escalation: ESCALATION_ZH[t.escalation] ?? '',
      })),
    },
  ])
}
