/**
 * What the selections demo holds (issue 7, point 7), as data: the seed's three programmes, their
 * rubrics (the high-school one revised, as the seed's "修订…评估细则"), the expert pool, and which
 * demo units apply. Dates are counted back from the demo's "today", so the finished programmes are
 * in the past on any day the demo is loaded.
 */
import type { Criterion } from '../../../domain/selections/rubric.js'

export const DEMO_EXPERTS = [
  { username: 'expert_pool_01', name: '韩立华', unitName: '', unitRef: '示例师范大学', title: '教授' },
  { username: 'expert_pool_02', name: '程志远', unitName: '', unitRef: '示例理工大学', title: '教授' },
  { username: 'expert_pool_03', name: '许文静', unitName: '东北大学', unitRef: null, title: '研究员' },
  { username: 'expert_pool_04', name: '邓国栋', unitName: '辽宁大学', unitRef: null, title: '教授' },
  {
    username: 'expert_pool_05',
    name: '冯雅琴',
    unitName: '省教育科学研究院',
    unitRef: null,
    title: '正高级教师',
  },
  { username: 'expert_pool_06', name: '曹建新', unitName: '沈阳职业技术学院', unitRef: null, title: '教授' },
  { username: 'expert_pool_07', name: '彭晓燕', unitName: '大连理工大学', unitRef: null, title: '副教授' },
  {
    username: 'expert_pool_08',
    name: '蒋海涛',
    unitName: '省职业教育研究中心',
    unitRef: null,
    title: '研究员',
  },
] as const
export const EXPERT_FIELDS = ['创新创业', '普通高中', '职业启蒙']

const leaf = (key: string, title: string, weight: number, maxScore = 10, guidance?: string): Criterion => ({
  key,
  title,
  weight,
  maxScore,
  ...(guidance ? { guidance } : {}),
})

export const INNOVATION_RUBRIC: Criterion[] = [
  {
    key: 'system',
    title: '体制机制',
    weight: 30,
    children: [leaf('org', '组织机构与制度', 15), leaf('funds', '经费与场地保障', 15)],
  },
  {
    key: 'teaching',
    title: '课程与师资',
    weight: 40,
    children: [leaf('courses', '创新创业课程体系', 20), leaf('mentors', '导师队伍', 20)],
  },
  {
    key: 'results',
    title: '成效与特色',
    weight: 30,
    children: [leaf('contests', '竞赛与孵化成果', 20), leaf('feature', '特色与示范作用', 10)],
  },
]

export const HIGH_SCHOOL_RUBRIC_2019: Criterion[] = [
  leaf('management', '办学理念与管理', 25, 10),
  leaf('curriculum', '课程建设与实施', 30, 10),
  leaf('teachers', '教师队伍建设', 25, 10),
  leaf('quality', '育人质量', 20, 10),
]

/** The 2026 revision: adds 特色发展 and splits 课程 into 课程 and 教学 (the seed's 修订评估细则). */
export const HIGH_SCHOOL_RUBRIC_2026: Criterion[] = [
  leaf('management', '办学理念与管理', 15, 10, '办学理念、章程与内部治理'),
  {
    key: 'curriculum',
    title: '课程教学',
    weight: 35,
    children: [
      leaf('courses', '课程建设与实施', 20, 10, '国家课程校本化、选修课程'),
      leaf('teaching', '新课程新教材实施', 15, 10),
    ],
  },
  leaf('teachers', '教师队伍建设', 20, 10),
  leaf('feature', '特色发展', 15, 10, '特色课程群、特色项目与辐射作用'),
  leaf('quality', '育人质量', 15, 10),
]

export const CRAFTSMAN_RUBRIC: Criterion[] = [
  leaf('base', '基地条件', 30, 10, '劳动与职业启蒙场所、设备'),
  leaf('courses', '课程与活动', 40, 10),
  leaf('partners', '校企（校地）合作', 30, 10),
]

export interface DemoProgrammePlan {
  key: 'innovation' | 'high_school' | 'craftsman'
  name: string
  kind: 'selection' | 'accreditation'
  batch: string
  quota: number | null
  passMark: number | null
  field: string
  materials: string[]
  experts: number
  aggregation: 'mean' | 'trimmed_mean'
  /** Days before today: applications open, close; decided, approved, notice published (finished ones). */
  days: { opens: number; closes: number; decided?: number; approved?: number; published?: number }
  description: string
}

export const DEMO_PROGRAMMES: DemoProgrammePlan[] = [
  {
    key: 'craftsman',
    name: '首批"未来工匠"培育基地遴选',
    kind: 'selection',
    batch: '首批',
    quota: 10,
    passMark: null,
    field: '职业启蒙',
    materials: ['申报书', '基地建设方案', '推荐匠苗名单'],
    experts: 3,
    aggregation: 'mean',
    days: { opens: 260, closes: 230, decided: 210, approved: 207, published: 205 },
    description: '在初中、九年一贯制学校中遴选首批"未来工匠"培育基地，开展劳动教育和职业启蒙，推荐匠苗。',
  },
  {
    key: 'innovation',
    name: '第二批市级创新创业学院遴选',
    kind: 'selection',
    batch: '第二批',
    quota: 12,
    passMark: null,
    field: '创新创业',
    materials: ['申报书', '建设方案'],
    experts: 5,
    aggregation: 'trimmed_mean',
    days: { opens: 170, closes: 140, decided: 115, approved: 112, published: 110 },
    description: '遴选第二批市级创新创业学院及创新创业教育实践基地，推动创新创业教育与专业教育融合。',
  },
  {
    key: 'high_school',
    name: '示范性、特色普通高中评估认定',
    kind: 'accreditation',
    batch: '2026年度',
    quota: null,
    passMark: 85,
    field: '普通高中',
    materials: ['自评报告', '佐证材料目录'],
    experts: 5,
    aggregation: 'trimmed_mean',
    days: { opens: 75, closes: 25 },
    description: '依据修订后的示范性、特色普通高中评估细则，组织开展评估认定。',
  },
]
