/** The research-topic spreadsheet (调研课题清单): columns, synonyms, and how a row becomes a topic. */
import { defineImport } from '../../spreadsheet/import.js'
import { parsers } from '../../spreadsheet/parse.js'

/** Several units in one cell: 、 as the bureau writes them; commas, semicolons and line breaks too. */
export const splitUnits = (cell: string | null): string[] =>
  (cell ?? '')
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)

const CODE = /^[\p{L}\p{N}][\p{L}\p{N}\-_/.]*$/u

export const topicImportSpec = defineImport({
  key: 'research-topics',
  columns: [
    {
      field: 'code',
      header: '课题编号',
      headerEn: 'Code',
      aliases: ['编号', '课题代码', '调研课题编号'],
      required: true,
      parser: parsers.text({ maxLength: 40 }),
      example: 'DY2026-001',
      description: '每个课题一个编号，不重复；再次导入同一编号的课题不会新增',
      descriptionEn: 'One code per topic; importing the same code again adds nothing',
    },
    {
      field: 'title',
      header: '课题名称',
      headerEn: 'Title',
      aliases: ['调研课题', '调研题目', '课题题目', '课题'],
      required: true,
      parser: parsers.text({ maxLength: 200 }),
      example: '义务教育优质均衡发展情况调研',
    },
    {
      field: 'campaign',
      header: '所属活动',
      headerEn: 'Campaign',
      aliases: ['活动名称', '专项行动', '主题教育'],
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
      aliases: ['调研方面', '工作方面', '类别'],
      required: true,
      parser: parsers.text({ maxLength: 80 }),
      example: '调查研究与破解难题',
      description: '该活动下已有的“方面”名称',
      descriptionEn: 'One of the campaign’s aspects',
    },
    {
      field: 'owner',
      header: '牵头单位',
      headerEn: 'Owner unit',
      aliases: ['承担单位', '牵头处室', '责任单位', '牵头部门'],
      required: true,
      parser: parsers.text({ maxLength: 100 }),
      example: '基础教育处',
      description: '单位全称；区县可写“XX区”或“XX区教育局”',
      descriptionEn: 'Full unit name; a county may be written with or without 教育局',
    },
    {
      field: 'leader',
      header: '牵头领导',
      headerEn: 'Leader',
      aliases: ['领衔领导', '责任领导', '分管领导', '课题负责人'],
      parser: parsers.text({ maxLength: 50 }),
      example: '王副局长',
    },
    {
      field: 'start',
      header: '计划开始',
      headerEn: 'Planned start',
      aliases: ['开始日期', '开始时间', '计划开始日期'],
      required: true,
      parser: parsers.date(),
      example: '2026-03-01',
    },
    {
      field: 'end',
      header: '计划完成',
      headerEn: 'Planned end',
      aliases: ['完成时间', '结束日期', '计划完成时间', '计划结束', '完成时限'],
      required: true,
      parser: parsers.date(),
      example: '2026-06-30',
    },
    {
      field: 'units',
      header: '拟调研单位',
      headerEn: 'Units to visit',
      aliases: ['调研地点', '调研单位', '调研对象'],
      parser: parsers.text({ maxLength: 2000, multiline: true }),
      example: '和平区、沈河区',
      description: '多个单位用顿号“、”分隔；留空则不改动已有的计划',
      descriptionEn: 'Several units separated by 、; left blank, the plan stays as it is',
    },
    {
      field: 'description',
      header: '调研内容',
      headerEn: 'Description',
      aliases: ['主要内容', '课题简介', '调研重点'],
      parser: parsers.text({ maxLength: 2000, multiline: true }),
      example: '了解县域内校际差异系数变化及原因',
      description: '留空则不改动已有的内容',
      descriptionEn: 'Left blank, the stored description stays',
    },
  ] as const,
  toRow: (v, ctx) => {
    if (!CODE.test(v.code)) return ctx.reject('code', 'research_import_code_format', { value: v.code })
    if (v.end < v.start) return ctx.reject('end', 'research_end_before_start', { start: v.start })
    return {
      code: v.code,
      title: v.title,
      campaign: v.campaign,
      aspect: v.aspect,
      owner: v.owner,
      leader: v.leader,
      start: v.start,
      end: v.end,
      units: splitUnits(v.units),
      description: v.description,
    }
  },
  keyOf: (r) => r.code,
  keyField: 'code',
  maxRows: 20_000,
})
