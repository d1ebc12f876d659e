/**
 * The teacher-ethics case ledger (师德师风违规案件台账) as bureaus keep it in Excel: the columns,
 * their synonyms, and how a row becomes a case. Lookups that need the database (the school, the
 * violation type) happen when the rows are applied. One row is one case, known by its 案件编号:
 * without one a row cannot be recognised on the next import, so it is refused.
 *
 * The sheet carries the teacher's name, ID number and the finding in clear: it must, to be
 * sealed. The export is masked (张**, 210102********1235), so a masked value is refused with a
 * message saying so, rather than stored over the real one.
 */
import { HANDLING_LABELS, type Handling } from '../../../domain/rectification/public-summary.js'
import { defineImport, type ImportRow } from '../../spreadsheet/import.js'
import { type CellParser, parsers as p } from '../../spreadsheet/parse.js'
import { fail } from '../../spreadsheet/parse-result.js'

/** Chinese labels first (they fill the template's drop-down), then the words ledgers use. */
export const IMPORT_HANDLINGS = {
  [HANDLING_LABELS.warning.zh]: ['警告处分', '行政警告'],
  [HANDLING_LABELS.demerit.zh]: ['记过处分', '行政记过'],
  [HANDLING_LABELS.demotion.zh]: ['降级处分', '降低岗位等级', '降低岗位等级处分'],
  [HANDLING_LABELS.dismissal.zh]: ['开除处分', '开除公职'],
  [HANDLING_LABELS.other.zh]: ['其他', '批评教育', '通报批评', '诫勉谈话', '责令检查'],
} as const

const HANDLING_OF = Object.fromEntries(
  (Object.keys(HANDLING_LABELS) as Handling[]).map((h) => [HANDLING_LABELS[h].zh, h]),
) as Record<string, Handling>

/** Refuses a value with `*` in it: that is the masked export, not the teacher's data. */
function unmasked<T>(parser: CellParser<T>): CellParser<T> {
  return {
    ...parser,
    parse: (cell) =>
      typeof cell === 'string' && cell.includes('*') ? fail('ethics_import_masked') : parser.parse(cell),
  }
}

export const ethicsImportSpec = defineImport({
  key: 'ethics-cases',
  maxRows: 50_000,
  columns: [
    {
      field: 'caseNo',
      header: '案件编号',
      headerEn: 'Case number',
      aliases: ['编号', '案件号', '案号'],
      parser: p.text({ maxLength: 40 }),
      example: 'SD20260001',
      description: '必填：再次导入时按案件编号识别同一案件（可沿用本单位的编号）',
      descriptionEn: 'Required: re-imports recognise a case by its number (your own numbering is fine)',
    },
    {
      field: 'teacherName',
      header: '教师姓名',
      headerEn: 'Teacher',
      aliases: ['涉事教师', '涉事教师姓名', '当事教师', '姓名'],
      required: true,
      parser: unmasked(p.text({ maxLength: 50 })),
      example: '张三',
      description: '须为完整姓名：导出的案件表已隐去部分信息，不能直接导入',
      descriptionEn: 'The full name: the exported case list is masked and cannot be imported as is',
    },
    {
      field: 'idNumber',
      header: '身份证号',
      headerEn: 'ID number',
      aliases: ['身份证号码', '公民身份号码', '身份证'],
      parser: unmasked(p.idNumber()),
      description: '选填；18 位完整号码，加密保存',
      descriptionEn: 'Optional; the full 18 characters, stored encrypted',
    },
    {
      field: 'school',
      header: '学校',
      headerEn: 'School',
      aliases: ['所在学校', '任教学校', '学校名称', '所在单位', '工作单位'],
      required: true,
      parser: p.text({ maxLength: 100 }),
      example: '和平区第三小学',
      description: '学校全称或单位代码，可带或不带区县名称；须在您的管辖范围内',
      descriptionEn: 'Full name or code of the school, with or without its county; within your scope',
    },
    {
      field: 'occurredOn',
      header: '发生日期',
      headerEn: 'Occurred on',
      aliases: ['发生时间', '违规日期', '违规时间'],
      required: true,
      parser: p.date(),
      example: '2026-03-15',
    },
    {
      field: 'violationType',
      header: '违规类型',
      headerEn: 'Violation type',
      aliases: ['违规行为类型', '违规情形', '类型'],
      required: true,
      parser: p.text({ maxLength: 40 }),
      example: '有偿补课',
      description: '须为系统中已有的违规类型',
      descriptionEn: 'Must be one of the violation types in the system',
    },
    {
      field: 'finding',
      header: '查实情况',
      headerEn: 'Finding',
      aliases: ['违规事实', '主要事实', '查实问题', '基本情况'],
      required: true,
      parser: unmasked(p.text({ maxLength: 4000, multiline: true })),
      example: '组织学生有偿补课，收取费用',
      description: '可写教师全名：列表与通报中会自动隐去',
      descriptionEn: 'The full name may be used: lists and the published text mask it',
    },
    {
      field: 'handling',
      header: '处理结果',
      headerEn: 'Handling',
      aliases: ['处理意见', '处分', '处理方式', '处分结果'],
      required: true,
      parser: p.enumOf(IMPORT_HANDLINGS),
      example: HANDLING_LABELS.warning.zh,
    },
    {
      field: 'handlingDetail',
      header: '处理说明',
      headerEn: 'Handling detail',
      aliases: ['处理情况', '处理详情', '具体处理'],
      parser: p.text({ maxLength: 500 }),
      example: '取消年度评优资格',
    },
    {
      field: 'handledOn',
      header: '处理日期',
      headerEn: 'Handled on',
      aliases: ['处理时间', '处分日期'],
      parser: p.date(),
      example: '2026-04-20',
    },
    {
      field: 'published',
      header: '是否通报',
      headerEn: 'Published',
      aliases: ['通报', '已通报', '是否公开通报'],
      parser: p.boolean(),
      example: '否',
      description: '填“是”即作为典型案例通报：通报文本自动脱敏（教师称“某”，学校名称隐去）',
      descriptionEn:
        'Yes publishes it as a typical case: the text is redacted (teacher as 某, school masked)',
    },
  ],
  toRow(v, ctx) {
    if (!v.caseNo) return ctx.reject('caseNo', 'ethics_import_case_no_required')
    return {
      caseNo: v.caseNo,
      teacherName: v.teacherName,
      idNumber: v.idNumber,
      school: v.school,
      occurredOn: v.occurredOn,
      violationType: v.violationType,
      finding: v.finding,
      handling: HANDLING_OF[v.handling] ?? 'other',
      handlingDetail: v.handlingDetail ?? '',
      handledOn: v.handledOn,
      published: v.published ?? false,
    }
  },
  keyOf: (r) => r.caseNo,
  keyField: 'caseNo',
})

export type EthicsImportRow = ImportRow<typeof ethicsImportSpec>
