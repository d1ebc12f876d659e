/**
 * The ledgers every installation ships with: the statistics the seed's report is built on. They
 * are data, not code paths: seeded once by key at start (`seed.ts`), then the administrator may
 * rename, add columns or void them like any other definition; a later start never overwrites them.
 */
import type { ColumnDef, EnumOption } from '../../../domain/statistics/columns.js'
import type { PeriodKind } from '../../../domain/statistics/periods.js'

export interface LedgerSeed {
  key: string
  nameZh: string
  nameEn: string
  description: string
  periodKind: PeriodKind
  periodColumn: string | null
  orgColumn: string | null
  keyColumns: string[]
  submitterKinds: string[]
  dueDays: number | null
  columns: ColumnDef[]
}

type Extra = Partial<ColumnDef>
const c = (
  key: string,
  labelZh: string,
  labelEn: string,
  type: ColumnDef['type'],
  x: Extra = {},
): ColumnDef => ({
  key,
  labelZh,
  labelEn,
  type,
  ...x,
})
const opt = (value: string, labelZh: string, labelEn: string, synonyms: string[] = []): EnumOption => ({
  value,
  labelZh,
  labelEn,
  synonyms,
})
const req = { required: true } as const

export const BUILTIN_LEDGERS: readonly LedgerSeed[] = [
  {
    key: 'tech_transfer',
    nameZh: '高校科技成果转化合同',
    nameEn: 'University technology-transfer contracts',
    description: '按转让、许可、作价投资统计合同项数和合同金额；技术开发、服务合同另行统计。',
    periodKind: 'year',
    periodColumn: 'contract_date',
    orgColumn: null,
    keyColumns: ['university', 'seq_no'],
    submitterKinds: ['university'],
    dueDays: 15,
    columns: [
      c('university', '高校名称', 'University', 'text', {
        ...req,
        synonyms: ['学校名称', '高校', '单位名称'],
      }),
      c('seq_no', '序号', 'No.', 'integer', { ...req, synonyms: ['编号'] }),
      c('title', '成果/合同名称', 'Result / contract', 'text', {
        synonyms: ['合同名称', '成果名称', '项目名称'],
      }),
      c('kind', '转化方式', 'Form of transfer', 'enum', {
        ...req,
        options: [
          opt('transfer', '转让', 'Transfer', ['技术转让', '成果转让']),
          opt('licence', '许可', 'Licence', ['许可使用', '技术许可', '普通许可', '独占许可']),
          opt('equity', '作价投资', 'Equity', ['作价入股', '技术入股']),
        ],
      }),
      c('amount', '合同金额', 'Contract value', 'money', {
        ...req,
        moneyUnit: 'wan',
        synonyms: ['金额', '成交金额'],
      }),
      c('contract_date', '签订日期', 'Signed on', 'date', { ...req, synonyms: ['合同签订日期', '签订时间'] }),
      c('buyer_location', '受让方所在地', 'Buyer’s location', 'text', {
        synonyms: ['受让方地区', '受让单位所在地'],
      }),
      c('in_city', '是否市内转化', 'Transferred in the city', 'boolean', {
        synonyms: ['市内转化', '本市转化'],
        derive: { rule: 'in_city', from: 'buyer_location' },
        help: '留空时按受让方所在地判断（本市、本市各区县为“是”）',
      }),
      c('remark', '备注', 'Remarks', 'text'),
    ],
  },
  {
    key: 'job_fairs',
    nameZh: '招聘会',
    nameEn: 'Job fairs',
    description: '高校毕业生招聘活动：场次、参会用人单位和提供岗位数。',
    periodKind: 'year',
    periodColumn: 'fair_date',
    orgColumn: null,
    keyColumns: ['fair_date', 'name'],
    submitterKinds: ['university', 'department'],
    dueDays: 10,
    columns: [
      c('name', '招聘会名称', 'Job fair', 'text', { ...req, synonyms: ['活动名称', '名称'] }),
      c('fair_date', '举办日期', 'Held on', 'date', { ...req, synonyms: ['日期', '举办时间'] }),
      c('mode', '举办形式', 'Online / on site', 'enum', {
        ...req,
        options: [
          opt('online', '线上', 'Online', ['网络', '网上', '云招聘']),
          opt('offline', '线下', 'On site', ['现场']),
        ],
      }),
      c('employers', '参会用人单位数', 'Employers', 'integer', {
        ...req,
        synonyms: ['用人单位数', '参会单位（家）', '参会单位'],
      }),
      c('positions', '提供岗位数', 'Positions offered', 'integer', {
        ...req,
        synonyms: ['岗位数', '提供岗位（个）'],
      }),
      c('organiser', '主办单位', 'Organiser', 'text'),
    ],
  },
  {
    key: 'nutrition_plan',
    nameZh: '农村义务教育学生营养改善计划',
    nameEn: 'Rural school nutrition plan',
    description: '按学校填报受益学生数和膳食补助资金。',
    periodKind: 'year',
    periodColumn: null,
    orgColumn: 'school',
    keyColumns: ['school'],
    submitterKinds: ['county', 'school'],
    dueDays: 30,
    columns: [
      c('school', '学校', 'School', 'org', { ...req, synonyms: ['学校名称'] }),
      c('students', '受益学生数', 'Students benefiting', 'integer', { ...req, synonyms: ['受益学生（人）'] }),
      c('subsidy', '膳食补助资金', 'Meal subsidy', 'money', { synonyms: ['补助资金', '补助金额'] }),
    ],
  },
  {
    key: 'migrant_children',
    nameZh: '进城务工人员随迁子女就读情况',
    nameEn: 'Migrant workers’ children by school type',
    description:
      '按区县、学校类型填报随迁子女在校生数；在公办学校就读占比与全国水平比较（全国水平为指标手工值）。',
    periodKind: 'year',
    periodColumn: null,
    orgColumn: 'county',
    keyColumns: ['county', 'school_type'],
    submitterKinds: ['county'],
    dueDays: 30,
    columns: [
      c('county', '区县', 'County', 'org', { ...req, synonyms: ['县（市、区）', '地区'] }),
      c('school_type', '学校类型', 'School type', 'enum', {
        ...req,
        options: [
          opt('public', '公办学校', 'Public', ['公办', '公办学校（含政府购买学位）']),
          opt('private', '民办学校', 'Private', ['民办']),
        ],
      }),
      c('students', '随迁子女在校生数', 'Pupils', 'integer', { ...req, synonyms: ['在校生数', '人数'] }),
    ],
  },
  {
    key: 'research_platforms',
    nameZh: '高校科研平台和实验室',
    nameEn: 'Research platforms and laboratories',
    description: '国家级、省部级和省级重点实验室、工程（技术）研究中心等科研平台。',
    periodKind: 'none',
    periodColumn: 'approved_on',
    orgColumn: null,
    keyColumns: ['name'],
    submitterKinds: ['university'],
    dueDays: null,
    columns: [
      c('name', '平台名称', 'Platform', 'text', { ...req, unique: true, synonyms: ['实验室名称', '名称'] }),
      c('university', '依托高校', 'University', 'text', { ...req, synonyms: ['依托单位', '高校名称'] }),
      c('level', '级别', 'Level', 'enum', {
        ...req,
        options: [
          opt('national', '国家级', 'National'),
          opt('ministry', '省部级', 'Ministry', ['教育部', '部级']),
          opt('province', '省级', 'Province'),
        ],
      }),
      c('platform_type', '平台类型', 'Type', 'text', { synonyms: ['类型'] }),
      c('approved_on', '获批日期', 'Approved on', 'date', { ...req, synonyms: ['批准日期', '认定时间'] }),
    ],
  },
  {
    key: 'joint_programmes',
    nameZh: '中外合作办学项目及联合培养',
    nameEn: 'Sino-foreign programmes and joint training',
    description: '中外合作办学机构和项目，及当年联合培养招生名额。',
    periodKind: 'year',
    periodColumn: null,
    orgColumn: null,
    keyColumns: ['university', 'name'],
    submitterKinds: ['university'],
    dueDays: 30,
    columns: [
      c('university', '中方高校', 'University', 'text', { ...req, synonyms: ['高校名称', '中方合作院校'] }),
      c('name', '项目（机构）名称', 'Programme', 'text', { ...req, synonyms: ['项目名称', '机构名称'] }),
      c('partner', '外方合作院校', 'Foreign partner', 'text', { synonyms: ['合作院校'] }),
      c('level', '办学层次', 'Level', 'enum', {
        options: [
          opt('undergraduate', '本科', 'Undergraduate'),
          opt('postgraduate', '研究生', 'Postgraduate', ['硕士', '博士']),
          opt('vocational', '专科', 'Vocational', ['高职']),
        ],
      }),
      c('places', '联合培养名额', 'Joint training places', 'integer', {
        ...req,
        synonyms: ['招生计划', '招生名额'],
      }),
    ],
  },
  {
    key: 'vocational_week_exhibitors',
    nameZh: '职业教育活动周参展单位',
    nameEn: 'Vocational education week exhibitors',
    description: '职业教育活动周参展的学校、企业和其他单位。',
    periodKind: 'year',
    periodColumn: 'event_date',
    orgColumn: null,
    keyColumns: ['name', 'event_date'],
    submitterKinds: ['department', 'county'],
    dueDays: 10,
    columns: [
      c('name', '参展单位', 'Exhibitor', 'text', { ...req, synonyms: ['单位名称'] }),
      c('exhibitor_type', '单位类型', 'Kind', 'enum', {
        ...req,
        options: [
          opt('school', '职业院校', 'Vocational school', ['学校']),
          opt('enterprise', '企业', 'Enterprise'),
          opt('other', '其他', 'Other'),
        ],
      }),
      c('event_date', '参展日期', 'Date', 'date', { ...req, synonyms: ['日期'] }),
      c('booths', '展位数', 'Booths', 'integer'),
    ],
  },
  {
    key: 'industry_education',
    nameZh: '产教融合联合体和共同体',
    nameEn: 'Industry–education consortia and communities',
    description: '市域产教联合体、行业产教融合共同体及实训基地。',
    periodKind: 'year',
    periodColumn: 'established_on',
    orgColumn: null,
    keyColumns: ['name'],
    submitterKinds: ['department', 'university'],
    dueDays: null,
    columns: [
      c('name', '名称', 'Name', 'text', { ...req, unique: true, synonyms: ['联合体名称', '共同体名称'] }),
      c('kind', '类型', 'Kind', 'enum', {
        ...req,
        options: [
          opt('consortium', '市域产教联合体', 'City consortium', ['产教联合体', '联合体']),
          opt('community', '行业产教融合共同体', 'Industry community', ['产教融合共同体', '共同体']),
          opt('base', '产教融合实训基地', 'Training base', ['实训基地']),
        ],
      }),
      c('lead', '牵头单位', 'Lead unit', 'text', { synonyms: ['牵头院校'] }),
      c('members', '成员单位数', 'Members', 'integer', { synonyms: ['成员单位（家）'] }),
      c('established_on', '成立日期', 'Established on', 'date', { ...req, synonyms: ['成立时间'] }),
    ],
  },
  {
    key: 'cooperation_projects',
    nameZh: '签约合作项目',
    nameEn: 'Signed cooperation projects',
    description: '与地方政府、企业、高校签订的合作项目。',
    periodKind: 'year',
    periodColumn: 'signed_on',
    orgColumn: null,
    keyColumns: ['name', 'partner'],
    submitterKinds: ['department', 'university', 'county'],
    dueDays: 10,
    columns: [
      c('name', '项目名称', 'Project', 'text', { ...req, synonyms: ['合作项目'] }),
      c('partner', '合作方', 'Partner', 'text', { ...req, synonyms: ['签约单位', '合作单位'] }),
      c('field', '合作领域', 'Field', 'text'),
      c('signed_on', '签约日期', 'Signed on', 'date', { ...req, synonyms: ['签订日期'] }),
      c('amount', '协议金额', 'Value', 'money', { moneyUnit: 'wan', synonyms: ['金额', '投资额'] }),
    ],
  },
]
