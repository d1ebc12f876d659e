/**
 * The spreadsheets of balance data: 学校办学条件 (one row per school and year) and 幼儿园在园幼儿
 * (one row per kindergarten and year). A unit is named by its 学校标识码 or its name. The key is
 * unit + year: importing a row again updates the stored one when a number differs.
 */
import { type ColumnSpec, defineImport, type RowValues } from '../../spreadsheet/import.js'
import { parsers } from '../../spreadsheet/parse.js'
import { RESOURCE_FIELDS, type ResourceValues } from './fields.js'
import type { EXCLUSIONS } from './schema.js'

const UNIT = {
  field: 'unit',
  header: '学校名称',
  headerEn: 'School',
  aliases: ['学校', '单位名称', '学校标识码', '学校代码'],
  required: true,
  parser: parsers.text({ maxLength: 100 }),
  example: '示例市和平区第一小学',
  description: '学校全称或10位学校标识码',
  descriptionEn: 'Full name or the 10-digit school code',
} as const satisfies ColumnSpec

const YEAR = {
  field: 'year',
  header: '统计年度',
  headerEn: 'Year',
  aliases: ['年度', '年份', '学年'],
  required: true,
  parser: parsers.integer({ min: 2000, max: 2100 }),
  example: 2026,
} as const satisfies ColumnSpec

const numberColumns: ColumnSpec[] = RESOURCE_FIELDS.map((f) => ({
  field: f.field,
  header: f.zh,
  headerEn: f.en,
  parser:
    f.kind === 'area'
      ? parsers.decimal({ min: 0, max: 100_000_000, scale: 2 })
      : f.kind === 'money'
        ? parsers.money({ unit: 'yuan', max: 1_000_000_000_000 })
        : parsers.integer({ min: 0, max: 10_000_000 }),
  description: '空白按 0 计',
  descriptionEn: 'Blank counts as 0',
}))

const exclusion = parsers.enumOf({
  teaching_point: ['不足50人的教学点', '教学点'],
  special_education: ['特殊教育学校', '特教学校', '特殊教育'],
  vocational: ['职业学校', '中职', '职业教育'],
} satisfies Record<(typeof EXCLUSIONS)[number], readonly string[]>)

export interface ResourceImportRow {
  unit: string
  year: number
  values: ResourceValues
  exclusion: (typeof EXCLUSIONS)[number] | null
  note: string | null
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0)

export const resourceImportSpec = defineImport({
  key: 'balance-resources',
  columns: [
    UNIT,
    YEAR,
    ...numberColumns,
    {
      field: 'exclusion',
      header: '不参与计算原因',
      headerEn: 'Left out because',
      parser: exclusion,
      description: '不足50人的教学点、特殊教育学校、职业学校不参与差异系数计算；留空按学校标签判断',
      descriptionEn: 'Teaching points under 50 pupils, special-education and vocational schools are left out',
    },
    { field: 'note', header: '备注', headerEn: 'Note', parser: parsers.text({ maxLength: 500 }) },
  ],
  toRow: (v: RowValues<readonly ColumnSpec[]>): ResourceImportRow => {
    const values = {} as ResourceValues
    for (const f of RESOURCE_FIELDS) values[f.field] = num(v[f.field])
    const ex = v.exclusion
    return {
      unit: String(v.unit),
      year: num(v.year),
      values,
      exclusion: ex === 'teaching_point' || ex === 'special_education' || ex === 'vocational' ? ex : null,
      note: typeof v.note === 'string' ? v.note : null,
    }
  },
  keyOf: (r) => `${r.unit}|${r.year}`,
  keyField: 'unit',
  maxRows: 50_000,
})

export interface EnrolmentImportRow {
  unit: string
  year: number
  children: number
  newInclusivePlaces: number
  note: string | null
}

export const enrolmentImportSpec = defineImport({
  key: 'balance-kindergartens',
  columns: [
    {
      ...UNIT,
      header: '幼儿园名称',
      headerEn: 'Kindergarten',
      aliases: ['幼儿园', '园所名称', '单位名称'],
      example: '示例市和平区第一幼儿园',
      description: '幼儿园全称或10位标识码',
      descriptionEn: 'Full name or the 10-digit code',
    },
    YEAR,
    {
      field: 'children',
      header: '在园幼儿数',
      headerEn: 'Children enrolled',
      aliases: ['在园幼儿', '幼儿数'],
      required: true,
      parser: parsers.integer({ min: 0, max: 100_000 }),
      example: 260,
    },
    {
      field: 'newInclusivePlaces',
      header: '新增普惠学位数',
      headerEn: 'New inclusive places',
      aliases: ['新增普惠学位'],
      parser: parsers.integer({ min: 0, max: 100_000 }),
      example: 30,
      description: '空白按 0 计',
      descriptionEn: 'Blank counts as 0',
    },
    { field: 'note', header: '备注', headerEn: 'Note', parser: parsers.text({ maxLength: 500 }) },
  ] as const,
  toRow: (v): EnrolmentImportRow => ({
    unit: v.unit,
    year: v.year,
    children: v.children,
    newInclusivePlaces: v.newInclusivePlaces ?? 0,
    note: v.note,
  }),
  keyOf: (r) => `${r.unit}|${r.year}`,
  keyField: 'unit',
  maxRows: 50_000,
})
