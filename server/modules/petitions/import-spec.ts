/**
 * The petition ledger as bureaus keep it in Excel: which columns we read, under which headers and
 * synonyms, and how a row becomes a case. Lookups that need the database (taxonomy, units) are
 * passed in as plain maps, so the spec stays a pure description of the sheet.
 */
import { defineImport, type ImportRow } from '../../spreadsheet/import.js'
import { parsers as p } from '../../spreadsheet/parse.js'

export const IMPORT_STATUSES = {
  已办结: ['办结', '已结案', '结案', '已答复'],
  办理中: ['在办', '正在办理'],
  已受理: ['受理'],
  延期办理: ['延期', '已延期'],
  已登记: ['登记', '待受理'],
  不予受理: ['不受理'],
} as const

export const IMPORT_CHANNELS = {
  online: ['网上信访', '网信', '网络', '网上'],
  letter: ['来信', '信件'],
  phone: ['电话', '来电'],
  fax: ['传真'],
  visit: ['来访', '走访', '来访（集体访）', '集体访', '来访(集体访)'],
} as const

export const IMPORT_KINDS = {
  suggestion: ['建议意见', '建议'],
  accusation: ['检举控告', '检举', '控告', '举报'],
  claim: ['申诉求决', '申诉', '求决'],
} as const

export const IMPORT_LEVELS = { city: ['市级'], county: ['县级', '区县级'], school: ['学校', '校级'] } as const

export interface ImportLookups {
  /** Extra header labels the user mapped in the mapping step: label → field. */
  columnAliases: Map<string, string[]>
}

export function petitionImportSpec(l: ImportLookups = { columnAliases: new Map() }) {
  const aliases = (field: string, base: string[]) => [...base, ...(l.columnAliases.get(field) ?? [])]
  return defineImport({
    key: 'petitions',
    maxRows: 300_000,
    columns: [
      { field: 'seq', header: '序号', headerEn: 'No.', aliases: aliases('seq', []), parser: p.integer() },
      {
        field: 'caseNo',
        header: '案件编号',
        headerEn: 'Case number',
        aliases: aliases('caseNo', ['信访件编号', '编号', '案件号']),
        required: true,
        parser: p.text({ maxLength: 40 }),
        example: 'XF202600001',
      },
      {
        field: 'received',
        header: '登记日期',
        headerEn: 'Received',
        aliases: aliases('received', ['来信来访日期', '受理登记日期', '信访日期']),
        required: true,
        parser: p.date(),
        example: '2026-03-03',
      },
      {
        field: 'channel',
        header: '信访形式',
        headerEn: 'Channel',
        aliases: aliases('channel', ['信访方式', '来源']),
        required: true,
        parser: p.enumOf(IMPORT_CHANNELS),
        example: '来信',
      },
      {
        field: 'name',
        header: '信访人/姓名',
        headerEn: 'Petitioner',
        aliases: aliases('name', ['信访人', '信访人姓名', '姓名']),
        required: true,
        parser: p.text({ maxLength: 50 }),
        example: '张三',
      },
      // Read as text: an ID Excel turned into a float is flagged and left out, never guessed.
      {
        field: 'idNumber',
        header: '信访人/身份证号码',
        headerEn: 'ID number',
        aliases: aliases('idNumber', ['身份证号码', '身份证号']),
        parser: p.text({ maxLength: 30 }),
      },
      {
        field: 'phone',
        header: '信访人/联系电话',
        headerEn: 'Phone',
        aliases: aliases('phone', ['联系电话', '电话号码', '手机号']),
        parser: p.phone(),
      },
      {
        field: 'address',
        header: '信访人/住址',
        headerEn: 'Address',
        aliases: aliases('address', ['住址', '地址', '通讯地址']),
        parser: p.text({ maxLength: 200 }),
      },
      {
        field: 'county',
        header: '所属县（市、区）',
        headerEn: 'County',
        aliases: aliases('county', ['县（市、区）', '所属地区', '区县']),
        required: true,
        parser: p.text(),
        example: '和平区',
      },
      {
        field: 'kind',
        header: '信访类型',
        headerEn: 'Type',
        aliases: aliases('kind', ['信访性质']),
        parser: p.enumOf(IMPORT_KINDS),
      },
      {
        field: 'category',
        header: '问题类别',
        headerEn: 'Category',
        aliases: aliases('category', ['问题分类', '类别']),
        required: true,
        parser: p.text(),
        example: '教师待遇类',
      },
      {
        field: 'demand',
        header: '具体诉求',
        headerEn: 'Demand',
        aliases: aliases('demand', ['诉求', '具体问题']),
        required: true,
        parser: p.text(),
        example: '工资待遇落实',
      },
      {
        field: 'summary',
        header: '诉求内容摘要',
        headerEn: 'Summary',
        aliases: aliases('summary', ['内容摘要', '主要诉求', '反映问题']),
        parser: p.text({ multiline: true, maxLength: 4000 }),
      },
      {
        field: 'level',
        header: '责任层级',
        headerEn: 'Level',
        aliases: aliases('level', []),
        parser: p.enumOf(IMPORT_LEVELS),
      },
      {
        field: 'unit',
        header: '责任单位',
        headerEn: 'Responsible unit',
        aliases: aliases('unit', ['承办单位', '办理单位']),
        parser: p.text(),
      },
      {
        field: 'leader',
        header: '包案领导',
        headerEn: 'Responsible leader',
        aliases: aliases('leader', []),
        parser: p.text({ maxLength: 50 }),
      },
      {
        field: 'regionLeader',
        header: '包片领导',
        headerEn: 'Region leader',
        aliases: aliases('regionLeader', []),
        parser: p.text({ maxLength: 50 }),
      },
      {
        field: 'status',
        header: '办理状态',
        headerEn: 'Status',
        aliases: aliases('status', ['状态', '办理情况']),
        required: true,
        parser: p.enumOf(IMPORT_STATUSES),
        example: '办理中',
      },
      {
        field: 'accepted',
        header: '受理日期',
        headerEn: 'Accepted',
        aliases: aliases('accepted', []),
        parser: p.date(),
      },
      {
        field: 'closed',
        header: '办结日期',
        headerEn: 'Closed',
        aliases: aliases('closed', ['答复日期', '结案日期']),
        parser: p.date(),
      },
      {
        field: 'remark',
        header: '备注',
        headerEn: 'Remark',
        aliases: aliases('remark', []),
        parser: p.text(),
      },
    ],
    toRow: (v, ctx) => {
      if (v.status === '已办结' && v.closed === null) return ctx.reject('closed', 'required')
      if (v.closed !== null && v.closed < v.received)
        return ctx.reject('closed', 'too_small', { min: v.received })
      if (v.accepted !== null && v.accepted < v.received)
        return ctx.reject('accepted', 'too_small', { min: v.received })
      const group = /集体/.test(String(ctx.cell('channel') ?? ''))
      // Any number in the ID column is a float that lost digits (18 digits exceed Excel's 15).
      const idFromNumber = typeof ctx.cell('idNumber') === 'number'
      // `v` is this row's own object: extended, not copied (100,000 rows).
      return Object.assign(v, { group, idFromNumber })
    },
    keyOf: (row) => row.caseNo,
    keyField: 'caseNo',
  })
}

export type PetitionImportRow = ImportRow<ReturnType<typeof petitionImportSpec>>
export const IMPORT_FIELDS = petitionImportSpec().columns.map((c) => ({
  field: c.field,
  header: c.header,
  headerEn: c.headerEn,
  required: 'required' in c && c.required === true,
}))
