/**
 * The balance indicators (DOMAIN.md "Coefficient of variation between schools"): the seven of the
 * 2017 quality-balance method with their per-school minimums, and the eight of the 2012
 * basic-balance method whose CVs average into the 综合差异系数. Each is a resource of one school in
 * one stage divided by its pupils (per pupil or per 100 pupils); the CV does not depend on that
 * scale, the minimums and the displayed values do.
 */

export const BALANCE_STAGES = ['primary', 'junior'] as const
export type BalanceStage = (typeof BALANCE_STAGES)[number]

export const STAGE_LABELS: Record<BalanceStage, { zh: string; en: string }> = {
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior high' },
}

/** What one school brings to one stage, after a one-through school's shared resources were split. */
export interface StageInput {
  pupils: number
  teachers: number
  /** Teachers above the stage's required qualification (专科+ primary, 本科+ junior). */
  qualified: number
  /** County-level-or-above backbone teachers (县级及以上骨干教师). */
  backbone: number
  /** PE and art (music, fine arts) teachers. */
  peArt: number
  /** Teachers with intermediate or higher professional titles. */
  titled: number
  /** Teaching and auxiliary floor area, m². */
  floorArea: number
  /** Sports ground area, m². */
  sportsArea: number
  /** Equipment value in yuan (the ledger keeps fen). */
  equipmentYuan: number
  /** Networked multimedia classrooms. */
  multimedia: number
  computers: number
  books: number
}

export interface IndicatorDef {
  key: string
  zh: string
  en: string
  /** 1: per pupil; 100: per 100 pupils. */
  per: 1 | 100
  unitZh: string
  resource(s: StageInput): number
}

const def = (
  key: string,
  zh: string,
  en: string,
  per: 1 | 100,
  unitZh: string,
  resource: (s: StageInput) => number,
): IndicatorDef => ({ key, zh, en, per, unitZh, resource })

const QUALIFIED = def(
  'qualified_per100',
  '每百名学生拥有高于规定学历教师数',
  'Teachers above required qualification per 100 pupils',
  100,
  '人',
  (s) => s.qualified,
)
const FLOOR = def(
  'floor_area_per_pupil',
  '生均教学及辅助用房面积',
  'Teaching and auxiliary floor area per pupil',
  1,
  'm²',
  (s) => s.floorArea,
)
const SPORTS = def(
  'sports_area_per_pupil',
  '生均体育运动场馆面积',
  'Sports ground area per pupil',
  1,
  'm²',
  (s) => s.sportsArea,
)
const EQUIPMENT = def(
  'equipment_per_pupil',
  '生均教学仪器设备值',
  'Equipment value per pupil',
  1,
  '元',
  (s) => s.equipmentYuan,
)

/** 2017 quality balance (教督〔2017〕6号): seven indicators, each with a per-school minimum. */
export const QUALITY_INDICATORS: readonly (IndicatorDef & { minimum: Record<BalanceStage, number> })[] = [
  { ...QUALIFIED, minimum: { primary: 4.2, junior: 5.3 } },
  {
    ...def(
      'backbone_per100',
      '每百名学生拥有县级及以上骨干教师数',
      'County-level-or-above backbone teachers per 100 pupils',
      100,
      '人',
      (s) => s.backbone,
    ),
    minimum: { primary: 1, junior: 1 },
  },
  {
    ...def(
      'pe_art_per100',
      '每百名学生拥有体育、艺术专任教师数',
      'PE and art teachers per 100 pupils',
      100,
      '人',
      (s) => s.peArt,
    ),
    minimum: { primary: 0.9, junior: 0.9 },
  },
  { ...FLOOR, minimum: { primary: 4.5, junior: 5.8 } },
  { ...SPORTS, minimum: { primary: 7.5, junior: 10.2 } },
  { ...EQUIPMENT, minimum: { primary: 2000, junior: 2500 } },
  {
    ...def(
      'multimedia_per100',
      '每百名学生拥有网络多媒体教室数',
      'Networked multimedia classrooms per 100 pupils',
      100,
      '间',
      (s) => s.multimedia,
    ),
    minimum: { primary: 2.3, junior: 2.4 },
  },
]

/** 2012 basic balance: eight indicators; the 综合差异系数 is the plain mean of their CVs. */
export const BASIC_INDICATORS: readonly IndicatorDef[] = [
  FLOOR,
  SPORTS,
  EQUIPMENT,
  def(
    'computers_per100',
    '每百名学生拥有计算机台数',
    'Computers per 100 pupils',
    100,
    '台',
    (s) => s.computers,
  ),
  def('books_per_pupil', '生均图书册数', 'Books per pupil', 1, '册', (s) => s.books),
  def('teachers_per_pupil', '师生比', 'Teachers per pupil', 1, '人', (s) => s.teachers),
  {
    ...QUALIFIED,
    per: 1,
    key: 'qualified_per_pupil',
    zh: '生均高于规定学历教师数',
    en: 'Teachers above required qualification per pupil',
  },
  def(
    'titled_per_pupil',
    '生均中级及以上专业技术职务教师数',
    'Teachers with intermediate+ titles per pupil',
    1,
    '人',
    (s) => s.titled,
  ),
]

/** Every school in the 2017 method must meet at least this many of the seven minimums. */
export const MINIMUMS_REQUIRED = 6

/** Each 2017 indicator's CV must not exceed this (primary / junior high). */
export const QUALITY_CV_LIMITS: Record<BalanceStage, number> = { primary: 0.5, junior: 0.45 }

/** Commonly cited 2012 thresholds (not confirmed from a primary source): configurable, these by default. */
export const DEFAULT_COMPOSITE_LIMITS: Record<BalanceStage, number> = { primary: 0.65, junior: 0.55 }

/** The school's value of an indicator (per pupil or per 100 pupils); null without pupils. */
export function schoolValue(d: IndicatorDef, s: StageInput): number | null {
  return s.pupils > 0 ? (d.resource(s) / s.pupils) * d.per : null
}

/** Rounds a coefficient to the three decimals it is published with. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000
