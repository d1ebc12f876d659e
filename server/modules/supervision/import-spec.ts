/** The key-task spreadsheet (重点工作任务清单): columns, synonyms, and how a row becomes a task. */
import { defineImport } from '../../spreadsheet/import.js'
import { parsers } from '../../spreadsheet/parse.js'

/** Co-units in one cell: 、 as the bureau writes them; commas, semicolons and line breaks too. */
export const splitUnits = (cell: string | null): string[] =>
  (cell ?? '')
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)

export const taskImportSpec = defineImport({
  key: 'supervision-tasks',
  columns: [
    {
      field: 'campaign',
      header: '所属活动',
      headerEn: 'Campaign',
      aliases: ['活动名称', '专项行动', '主题教育', '工作名称'],
      required: true,
      parser: parsers.text({ maxLength: 80 }),
      example: '学习贯彻主题教育重点工作',
      description: '已在系统中建立的主题教育或专项行动名称',
      descriptionEn: 'Name of a campaign already set up in the system',
    },
    {
      field: 'aspect',
      header: '方面',
      headerEn: 'Aspect',
      aliases: ['工作方面', '任务方面', '类别'],
      required: true,
      parser: parsers.text({ maxLength: 80 }),
      example: '立德树人',
      description: '该活动下已有的“方面”名称',
      descriptionEn: 'One of the campaign’s aspects',
    },
    {
      field: 'title',
      header: '任务名称',
      headerEn: 'Task',
      aliases: ['重点工作任务', '工作任务', '任务内容', '任务'],
      required: true,
      parser: parsers.text({ maxLength: 200 }),
      example: '完成全市中小学校舍安全排查',
      description: '同一活动下任务名称不重复；重复导入同一任务不会新增',
      descriptionEn: 'Unique within the campaign; importing it again adds nothing',
    },
    {
      field: 'lead',
      header: '牵头单位',
      headerEn: 'Lead unit',
      aliases: ['责任单位', '牵头部门', '牵头处室'],
      required: true,
      parser: parsers.text({ maxLength: 100 }),
      example: '和平区教育局',
      description: '单位全称；区县可写“XX区”或“XX区教育局”',
      descriptionEn: 'Full unit name; a county may be written with or without 教育局',
    },
    {
      field: 'co',
      header: '配合单位',
      headerEn: 'Co-units',
      aliases: ['协办单位', '配合部门', '参与单位', '责任单位（配合）'],
      parser: parsers.text({ maxLength: 2000, multiline: true }),
      example: '沈河区、大东区',
      description: '多个单位用顿号“、”分隔',
      descriptionEn: 'Several units separated by 、',
    },
    {
      field: 'leader',
      header: '责任领导',
      headerEn: 'Responsible leader',
      aliases: ['分管领导', '包保领导', '牵头领导'],
      parser: parsers.text({ maxLength: 50 }),
      example: '王副局长',
    },
    {
      field: 'start',
      header: '开始日期',
      headerEn: 'Start',
      aliases: ['开始时间', '启动时间'],
      required: true,
      parser: parsers.date(),
      example: '2026-03-01',
    },
    {
      field: 'deadline',
      header: '完成时限',
      headerEn: 'Deadline',
      aliases: ['截止日期', '完成时间', '完成期限', '时限要求'],
      required: true,
      parser: parsers.date(),
      example: '2026-12-31',
    },
  ] as const,
  toRow: (v, ctx) => {
    if (v.deadline < v.start)
      return ctx.reject('deadline', 'supervision_deadline_before_start', { start: v.start })
    return {
      campaign: v.campaign,
      aspect: v.aspect,
      title: v.title,
      lead: v.lead,
      co: splitUnits(v.co),
      leader: v.leader,
      start: v.start,
      deadline: v.deadline,
    }
  },
  keyOf: (r) => `${r.campaign}\u0000${r.title}`,
  keyField: 'title',
  maxRows: 20_000,
})
