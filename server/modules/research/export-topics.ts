/**
 * The topic list as .xlsx, with the filters on screen. Its first ten columns carry the import's
 * headers, so an exported list can be edited and imported back (unchanged rows change nothing).
 */
import { TOPIC_STATUS_LABELS } from '../../../domain/research/lifecycle.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { allTopics, toFilter } from './read-topics.js'
import { descriptionsOf } from './repository.js'
import type { ListTopicsQuery } from './schema.js'

const MAX_EXPORT = 50_000

export async function exportTopics(ctx: Ctx, q: ListTopicsQuery): Promise<Buffer> {
  authorize(ctx.actor, 'task.read')
  const f = await toFilter(ctx.db, q)
  const topics = await allTopics(ctx.db, ctx.dialect, ctx.actor, f, MAX_EXPORT)
  const descriptions = await descriptionsOf(
    ctx.db,
    topics.map((t) => t.id),
  )
  return writeXlsx([
    {
      name: '调研课题',
      columns: [
        { header: '课题编号', key: 'code', width: 14, type: 'text' },
        { header: '课题名称', key: 'title', width: 40 },
        { header: '所属活动', key: 'campaign', width: 24 },
        { header: '方面', key: 'aspect', width: 18 },
        { header: '牵头单位', key: 'owner', width: 18 },
        { header: '牵头领导', key: 'leader' },
        { header: '计划开始', key: 'start', type: 'date' },
        { header: '计划完成', key: 'end', type: 'date' },
        { header: '拟调研单位', key: 'units', width: 28 },
        { header: '调研内容', key: 'description', width: 40 },
        { header: '状态', key: 'status' },
        { header: '实地调研（次）', key: 'visits' },
        { header: '发现问题（个）', key: 'findings' },
        { header: '转为整改问题（个）', key: 'converted' },
        { header: '报告提交日期', key: 'reported', type: 'date' },
        { header: '结题日期', key: 'concluded', type: 'date' },
      ],
      rows: topics.map((t) => ({
        code: t.code,
        title: t.title,
        campaign: t.campaign,
        aspect: t.aspect,
        owner: t.ownerUnit,
        leader: t.leaderName ?? '',
        start: t.startsOn,
        end: t.endsOn,
        units: t.plannedUnits.map((u) => u.name).join('、'),
        description: descriptions.get(t.id) ?? '',
        status: t.voided ? '已作废' : TOPIC_STATUS_LABELS[t.status].zh,
        visits: t.visitCount,
        findings: t.findingCount,
        converted: t.convertedCount,
        reported: t.reportedOn ?? '',
        concluded: t.concludedOn ?? '',
      })),
    },
  ])
}
