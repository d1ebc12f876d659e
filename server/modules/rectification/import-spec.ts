/**
 * The problem list (检视问题清单) as bureaus keep it in Excel: the columns, their synonyms, and how
 * a row becomes a problem. Lookups that need the database (categories, units) happen when the
 * rows are applied. One row is one problem; its 整改措施 cell may hold several measures, one per
 * line, all with the row's 整改时限 and 措施责任人.
 */
import type { ProblemSource } from '../../../domain/rectification/lifecycle.js'
import { defineImport, type ImportRow } from '../../spreadsheet/import.js'
import { parsers as p } from '../../spreadsheet/parse.js'

/** Chinese labels first (they fill the template's drop-down), then the spellings seen in ledgers. */
export const IMPORT_SOURCES = {
  自我检视: ['自查', '自查自纠', '检视', '对照检查', '自我检视查摆', '查摆'],
  调研发现: ['调研', '调查研究', '调研查找'],
  督导检查: ['督查', '督导', '检查', '巡视巡察', '巡察'],
  群众反映: ['群众意见', '意见建议', '社会反映', '群众来信'],
  信访分析: ['信访', '信访问题分析'],
  均衡预警: ['均衡监测', '差异系数预警', '均衡发展监测'],
} as const

export const SOURCE_OF: Record<keyof typeof IMPORT_SOURCES, ProblemSource> = {
  自我检视: 'self_review',
  调研发现: 'research_finding',
  督导检查: 'inspection',
  群众反映: 'public_feedback',
  信访分析: 'petition_analysis',
  均衡预警: 'balance_warning',
}

export const problemImportSpec = defineImport({
  key: 'rectification-problems',
  maxRows: 50_000,
  columns: [
    {
      field: 'code',
      header: '问题编号',
      headerEn: 'Problem code',
      aliases: ['编号', '问题序号'],
      parser: p.text({ maxLength: 40 }),
      example: 'ZG202600001',
      description: '留空则自动编号；再次导入时按编号（或按专项行动 + 问题描述）识别同一问题',
      descriptionEn:
        'Left empty: numbered automatically. Re-imports match by code, or by campaign + description',
    },
    {
      field: 'description',
      header: '问题描述',
      headerEn: 'Description',
      aliases: ['问题表现', '具体问题', '问题内容', '存在问题', '问题'],
      required: true,
      parser: p.text({ maxLength: 2000, multiline: true }),
      example: '部分县区基本均衡综合差异系数增大',
    },
    {
      field: 'source',
      header: '问题来源',
      headerEn: 'Source',
      aliases: ['来源'],
      required: true,
      parser: p.enumOf(IMPORT_SOURCES),
      example: '调研发现',
    },
    {
      field: 'category',
      header: '问题类别',
      headerEn: 'Category',
      aliases: ['类别', '问题类型', '所属方面'],
      required: true,
      parser: p.text({ maxLength: 40 }),
      example: '办学条件',
      description: '须为系统中已有的问题类别',
      descriptionEn: 'Must be one of the categories in the system',
    },
    {
      field: 'campaign',
      header: '专项行动',
      headerEn: 'Campaign',
      aliases: ['主题教育', '所属专项', '活动名称', '专项'],
      parser: p.text({ maxLength: 100 }),
      example: '主题教育检视整改',
    },
    {
      field: 'unit',
      header: '责任单位',
      headerEn: 'Responsible unit',
      aliases: ['牵头单位', '责任部门', '责任处室'],
      required: true,
      parser: p.text({ maxLength: 100 }),
      example: '基础教育处',
      description: '单位全称或代码，须在您的管辖范围内',
      descriptionEn: 'Full name or code of a unit within your scope',
    },
    {
      field: 'leader',
      header: '责任领导',
      headerEn: 'Responsible leader',
      aliases: ['牵头领导', '分管领导', '包保领导'],
      parser: p.text({ maxLength: 50 }),
      example: '王副局长',
    },
    {
      field: 'foundOn',
      header: '发现日期',
      headerEn: 'Found on',
      aliases: ['发现时间', '查摆时间', '查找时间'],
      required: true,
      parser: p.date(),
      example: '2026-05-10',
    },
    {
      field: 'fixAtOnce',
      header: '立行立改',
      headerEn: 'Fix at once',
      aliases: ['是否立行立改'],
      parser: p.boolean(),
      example: '否',
    },
    {
      field: 'measures',
      header: '整改措施',
      headerEn: 'Measures',
      aliases: ['整改举措', '措施'],
      parser: p.text({ maxLength: 4000, multiline: true }),
      example: '制定薄弱学校改造计划',
      description: '可填多条，每行一条',
      descriptionEn: 'Several allowed, one per line',
    },
    {
      field: 'deadline',
      header: '整改时限',
      headerEn: 'Deadline',
      aliases: ['完成时限', '整改期限'],
      parser: p.date(),
      example: '2026-12-31',
      description: '填写了整改措施时必填',
      descriptionEn: 'Required when measures are given',
    },
    {
      field: 'owner',
      header: '措施责任人',
      headerEn: 'Measure owner',
      aliases: ['责任人', '具体责任人'],
      parser: p.text({ maxLength: 100 }),
      example: '基础教育处',
    },
  ],
  toRow(v, ctx) {
    const measures = (v.measures ?? '')
      .split('\n')
      .map((line) => line.replace(/^\s*(?:\d+[.、．)]|[（(]\d+[）)])\s*/, '').trim())
      .filter(Boolean)
    if (measures.length > 20) return ctx.reject('measures', 'too_big', { max: 20 })
    if (measures.length > 0 && !v.deadline) return ctx.reject('deadline', 'required')
    if (measures.some((m) => [...m].length > 1000))
      return ctx.reject('measures', 'text_too_long', { max: 1000 })
    return {
      code: v.code,
      description: v.description,
      source: SOURCE_OF[v.source],
      category: v.category,
      campaign: v.campaign ?? '',
      unit: v.unit,
      leader: v.leader,
      foundOn: v.foundOn,
      fixAtOnce: v.fixAtOnce ?? false,
      measures,
      deadline: v.deadline,
      owner: v.owner ?? '',
    }
  },
  keyOf: (r) => (r.code ? `code:${r.code}` : `text:${r.campaign}\u0001${r.description}`),
  keyField: 'description',
})

export type ProblemImportRow = ImportRow<typeof problemImportSpec>
