/**
 * The school resource ledger's numeric fields, once: the API name, the column, the spreadsheet
 * headers. The zod schema, the repository, the import and the export all read this list, so a
 * field cannot be forgotten in one of them.
 */
import type { BalanceSchoolResourceTable } from './tables.js'

/** The numeric columns of the ledger. */
export type ResourceColumn = {
  [K in keyof BalanceSchoolResourceTable]: BalanceSchoolResourceTable[K] extends number
    ? K extends 'id' | 'school_id' | 'year' | 'version' | 'created_by'
      ? never
      : K
    : never
}[keyof BalanceSchoolResourceTable]
type Column = ResourceColumn

export interface ResourceField {
  field: ResourceFieldName
  column: Column
  zh: string
  en: string
  kind: 'count' | 'area' | 'money'
}

export const RESOURCE_FIELD_NAMES = [
  'pupilsPrimary',
  'pupilsJunior',
  'pupilsSenior',
  'teachersPrimary',
  'teachersJunior',
  'teachersSenior',
  'qualifiedPrimary',
  'qualifiedJunior',
  'backbonePrimary',
  'backboneJunior',
  'peArtPrimary',
  'peArtJunior',
  'titledPrimary',
  'titledJunior',
  'floorArea',
  'sportsArea',
  'equipmentFen',
  'multimediaRooms',
  'computers',
  'books',
] as const
export type ResourceFieldName = (typeof RESOURCE_FIELD_NAMES)[number]

const f = (
  field: ResourceFieldName,
  column: Column,
  zh: string,
  en: string,
  kind: ResourceField['kind'] = 'count',
): ResourceField => ({ field, column, zh, en, kind })

export const RESOURCE_FIELDS: readonly ResourceField[] = [
  f('pupilsPrimary', 'pupils_primary', '小学在校生数', 'Primary pupils'),
  f('pupilsJunior', 'pupils_junior', '初中在校生数', 'Junior-high pupils'),
  f('pupilsSenior', 'pupils_senior', '高中在校生数', 'Senior-high students'),
  f('teachersPrimary', 'teachers_primary', '小学专任教师数', 'Primary teachers'),
  f('teachersJunior', 'teachers_junior', '初中专任教师数', 'Junior-high teachers'),
  f('teachersSenior', 'teachers_senior', '高中专任教师数', 'Senior-high teachers'),
  f('qualifiedPrimary', 'qualified_primary', '小学专科及以上学历教师数', 'Primary teachers with 专科+'),
  f('qualifiedJunior', 'qualified_junior', '初中本科及以上学历教师数', 'Junior-high teachers with 本科+'),
  f('backbonePrimary', 'backbone_primary', '小学县级及以上骨干教师数', 'Primary backbone teachers'),
  f('backboneJunior', 'backbone_junior', '初中县级及以上骨干教师数', 'Junior-high backbone teachers'),
  f('peArtPrimary', 'pe_art_primary', '小学体育艺术专任教师数', 'Primary PE and art teachers'),
  f('peArtJunior', 'pe_art_junior', '初中体育艺术专任教师数', 'Junior-high PE and art teachers'),
  f('titledPrimary', 'titled_primary', '小学中级及以上职称教师数', 'Primary teachers, intermediate+ titles'),
  f(
    'titledJunior',
    'titled_junior',
    '初中中级及以上职称教师数',
    'Junior-high teachers, intermediate+ titles',
  ),
  f(
    'floorArea',
    'floor_area',
    '教学及辅助用房面积（平方米）',
    'Teaching and auxiliary floor area (m²)',
    'area',
  ),
  f('sportsArea', 'sports_area', '体育运动场馆面积（平方米）', 'Sports ground area (m²)', 'area'),
  f('equipmentFen', 'equipment_fen', '教学仪器设备值（元）', 'Equipment value (yuan)', 'money'),
  f('multimediaRooms', 'multimedia_rooms', '网络多媒体教室数', 'Networked multimedia classrooms'),
  f('computers', 'computers', '教学用计算机台数', 'Computers'),
  f('books', 'books', '图书册数', 'Books'),
]

/** Per stage: the teacher count a sub-count (qualified, backbone, PE/art, titled) may not exceed. */
export const SUB_COUNTS: readonly (readonly [ResourceFieldName, ResourceFieldName])[] = [
  ['qualifiedPrimary', 'teachersPrimary'],
  ['backbonePrimary', 'teachersPrimary'],
  ['peArtPrimary', 'teachersPrimary'],
  ['titledPrimary', 'teachersPrimary'],
  ['qualifiedJunior', 'teachersJunior'],
  ['backboneJunior', 'teachersJunior'],
  ['peArtJunior', 'teachersJunior'],
  ['titledJunior', 'teachersJunior'],
]

/** The pupil and teacher fields of each stage: zero where the school has no such stage. */
export const STAGE_FIELDS: Record<'primary' | 'junior' | 'senior', readonly ResourceFieldName[]> = {
  primary: [
    'pupilsPrimary',
    'teachersPrimary',
    'qualifiedPrimary',
    'backbonePrimary',
    'peArtPrimary',
    'titledPrimary',
  ],
  junior: [
    'pupilsJunior',
    'teachersJunior',
    'qualifiedJunior',
    'backboneJunior',
    'peArtJunior',
    'titledJunior',
  ],
  senior: ['pupilsSenior', 'teachersSenior'],
}

export type ResourceValues = Record<ResourceFieldName, number>

/** A row's numbers by API name. */
export function valuesOfRow(row: Pick<BalanceSchoolResourceTable, Column>): ResourceValues {
  const out = {} as ResourceValues
  for (const x of RESOURCE_FIELDS) out[x.field] = Number(row[x.column])
  return out
}

/** The columns to write for the given numbers. */
export function columnsOf(values: ResourceValues): Record<Column, number> {
  const out = {} as Record<Column, number>
  for (const x of RESOURCE_FIELDS) out[x.column] = values[x.field]
  return out
}
