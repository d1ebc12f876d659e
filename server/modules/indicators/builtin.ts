/**
 * The indicators shipped over the built-in statistics ledgers: the seed report's figures (新增普惠
 * 学位, 招聘会场次, 技术转移合同 and their value, 随迁子女公办就读比例 and the national benchmark …).
 * Seeded at start when missing, so a bureau's edits to them are kept; staff add their own beside.
 */

import { recordAudit } from '../../audit/record.js'
import type { Services } from '../../context.js'
import { SYSTEM_ACTOR } from '../../context.js'
import type { AggregateDefinition, Definition, ExpressionDefinition } from './definition.js'
import { definitionJson } from './definition.js'
import type { IndicatorUnit } from './provider.js'

interface Builtin {
  key: string
  zh: string
  en: string
  unit: IndicatorUnit
  unitZh: string
  descriptionZh: string
  better?: 'higher' | 'lower'
  definition: Definition
}

const agg = (a: AggregateDefinition): Definition => ({ kind: 'aggregate', aggregate: a })
const expr = (e: ExpressionDefinition): Definition => ({ kind: 'expression', expression: e })
const isTrue = (column: string) => ({ column, op: 'is_true' as const })
const eq = (column: string, value: string) => ({ column, op: 'eq' as const, value })

export const BUILTIN_INDICATORS: Builtin[] = [
  // Technology transfer (科技成果转化): contracts by transfer, licence and equity.
  {
    key: 'stats.tech_transfer_contracts',
    zh: '科技成果转化合同项数',
    en: 'Technology-transfer contracts',
    unit: 'count',
    unitZh: '项',
    descriptionZh: '按签订日期计入期间的转让、许可、作价投资合同数',
    better: 'higher',
    definition: agg({ ledger: 'tech_transfer', fn: 'count' }),
  },
  {
    key: 'stats.tech_transfer_amount',
    zh: '科技成果转化合同金额',
    en: 'Technology-transfer contract value',
    unit: 'fen',
    unitZh: '元',
    descriptionZh: '合同金额合计（以分存储，报告中按亿元或万元书写）',
    better: 'higher',
    definition: agg({ ledger: 'tech_transfer', fn: 'sum', column: 'amount' }),
  },
  {
    key: 'stats.tech_transfer_in_city_contracts',
    zh: '市内转化合同项数',
    en: 'Contracts transferred in the city',
    unit: 'count',
    unitZh: '项',
    descriptionZh: '受让方在本市的合同数',
    better: 'higher',
    definition: agg({ ledger: 'tech_transfer', fn: 'count', filters: [isTrue('in_city')] }),
  },
  {
    key: 'stats.tech_transfer_in_city_amount',
    zh: '市内转化合同金额',
    en: 'Value transferred in the city',
    unit: 'fen',
    unitZh: '元',
    descriptionZh: '受让方在本市的合同金额合计',
    better: 'higher',
    definition: agg({ ledger: 'tech_transfer', fn: 'sum', column: 'amount', filters: [isTrue('in_city')] }),
  },
  {
    key: 'stats.tech_transfer_in_city_share',
    zh: '市内转化金额占比',
    en: 'Share of value transferred in the city',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: '市内转化合同金额 ÷ 合同金额 × 100',
    better: 'higher',
    definition: expr({
      op: 'ratio',
      of: ['stats.tech_transfer_in_city_amount', 'stats.tech_transfer_amount'],
    }),
  },
  // Graduate employment: job fairs (招聘会).
  {
    key: 'stats.job_fairs',
    zh: '举办招聘会场次',
    en: 'Job fairs held',
    unit: 'count',
    unitZh: '场',
    descriptionZh: '按举办日期计入期间的线上、线下招聘会',
    better: 'higher',
    definition: agg({ ledger: 'job_fairs', fn: 'count' }),
  },
  {
    key: 'stats.job_fair_employers',
    zh: '参会用人单位数',
    en: 'Employers at job fairs',
    unit: 'count',
    unitZh: '家',
    descriptionZh: '各场招聘会参会用人单位数之和',
    better: 'higher',
    definition: agg({ ledger: 'job_fairs', fn: 'sum', column: 'employers' }),
  },
  {
    key: 'stats.job_fair_positions',
    zh: '提供就业岗位数',
    en: 'Positions offered at job fairs',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '各场招聘会提供岗位数之和',
    better: 'higher',
    definition: agg({ ledger: 'job_fairs', fn: 'sum', column: 'positions' }),
  },
  // Preschool figures (学前教育) come from balance monitoring's kindergarten ledger: balance.preschool_*.
  // Nutrition plan, migrant children.
  {
    key: 'stats.nutrition_students',
    zh: '营养改善计划受益学生数',
    en: 'Pupils in the nutrition plan',
    unit: 'people',
    unitZh: '人',
    descriptionZh: '受益学生数之和',
    better: 'higher',
    definition: agg({ ledger: 'nutrition_plan', fn: 'sum', column: 'students' }),
  },
  {
    key: 'stats.migrant_children',
    zh: '随迁子女在校生数',
    en: 'Migrant children in school',
    unit: 'people',
    unitZh: '人',
    descriptionZh: '公办、民办学校随迁子女在校生数之和',
    definition: agg({ ledger: 'migrant_children', fn: 'sum', column: 'students' }),
  },
  {
    key: 'stats.migrant_children_public',
    zh: '在公办学校就读的随迁子女数',
    en: 'Migrant children in public schools',
    unit: 'people',
    unitZh: '人',
    descriptionZh: '公办学校（含政府购买学位）随迁子女在校生数',
    definition: agg({
      ledger: 'migrant_children',
      fn: 'sum',
      column: 'students',
      filters: [eq('school_type', 'public')],
    }),
  },
  {
    key: 'stats.migrant_public_share',
    zh: '随迁子女在公办学校就读比例',
    en: 'Share of migrant children in public schools',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: '在公办学校就读的随迁子女 ÷ 随迁子女在校生 × 100',
    better: 'higher',
    definition: expr({ op: 'ratio', of: ['stats.migrant_children_public', 'stats.migrant_children'] }),
  },
  {
    key: 'stats.migrant_public_share_national',
    zh: '全国随迁子女在公办学校就读比例',
    en: 'National share of migrant children in public schools',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: '全国基准值，按年手工录入（在最高一级单位录入，下级单位沿用）',
    definition: { kind: 'manual', manual: { inherit: true } },
  },
  {
    key: 'stats.migrant_public_share_vs_national',
    zh: '随迁子女公办就读比例高于全国',
    en: 'Migrant public share above the national',
    unit: 'percent',
    unitZh: '个百分点',
    descriptionZh: '本地比例 − 全国比例（百分点）',
    better: 'higher',
    definition: expr({
      op: 'difference',
      of: ['stats.migrant_public_share', 'stats.migrant_public_share_national'],
    }),
  },
  // Platforms, programmes, exhibitions, consortia, cooperation.
  {
    key: 'stats.research_platforms',
    zh: '科研平台和实验室数',
    en: 'Research platforms and labs',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '按获批日期计入期间',
    better: 'higher',
    definition: agg({ ledger: 'research_platforms', fn: 'count' }),
  },
  {
    key: 'stats.research_platforms_national',
    zh: '国家级科研平台数',
    en: 'National research platforms',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '级别为国家级的平台',
    better: 'higher',
    definition: agg({ ledger: 'research_platforms', fn: 'count', filters: [eq('level', 'national')] }),
  },
  {
    key: 'stats.joint_programmes',
    zh: '中外合作办学项目数',
    en: 'Sino-foreign programmes',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '中外合作办学机构和项目',
    better: 'higher',
    definition: agg({ ledger: 'joint_programmes', fn: 'count' }),
  },
  {
    key: 'stats.joint_training_places',
    zh: '联合培养名额',
    en: 'Joint training places',
    unit: 'people',
    unitZh: '人',
    descriptionZh: '联合培养名额之和',
    better: 'higher',
    definition: agg({ ledger: 'joint_programmes', fn: 'sum', column: 'places' }),
  },
  {
    key: 'stats.vocational_week_exhibitors',
    zh: '职业教育活动周参展单位数',
    en: 'Vocational-week exhibitors',
    unit: 'count',
    unitZh: '家',
    descriptionZh: '参展的职业院校、企业和其他单位',
    better: 'higher',
    definition: agg({ ledger: 'vocational_week_exhibitors', fn: 'count' }),
  },
  {
    key: 'stats.industry_education_consortia',
    zh: '市域产教联合体数',
    en: 'City industry–education consortia',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '按成立日期计入期间',
    better: 'higher',
    definition: agg({ ledger: 'industry_education', fn: 'count', filters: [eq('kind', 'consortium')] }),
  },
  {
    key: 'stats.industry_education_communities',
    zh: '行业产教融合共同体数',
    en: 'Industry–education communities',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '按成立日期计入期间',
    better: 'higher',
    definition: agg({ ledger: 'industry_education', fn: 'count', filters: [eq('kind', 'community')] }),
  },
  {
    key: 'stats.cooperation_projects',
    zh: '签约合作项目数',
    en: 'Cooperation projects signed',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '按签约日期计入期间',
    better: 'higher',
    definition: agg({ ledger: 'cooperation_projects', fn: 'count' }),
  },
]

/** Inserts the built-in indicators that are missing (never overwrites: a bureau may have edited them). */
export async function seedBuiltinIndicators(s: Services): Promise<void> {
  const have = new Set((await s.db.selectFrom('indicator_defs').select('key').execute()).map((r) => r.key))
  const missing = BUILTIN_INDICATORS.filter((b) => !have.has(b.key))
  if (missing.length === 0) return
  const at = s.now().toISOString()
  await s.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('indicator_defs')
      .values(
        missing.map((b) => ({
          key: b.key,
          zh: b.zh,
          en: b.en,
          unit: b.unit,
          unit_zh: b.unitZh,
          description_zh: b.descriptionZh,
          description_en: '',
          better: b.better ?? null,
          kind: b.definition.kind,
          definition_json: definitionJson(b.definition),
          version: 1,
          created_by: null,
          created_at: at,
          updated_at: at,
          voided_at: null,
          void_reason: null,
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    await recordAudit(trx, s, SYSTEM_ACTOR, {
      action: 'indicator.seed',
      entity: 'indicator',
      entityId: null,
      after: { keys: missing.map((b) => b.key) },
    })
  })
}
