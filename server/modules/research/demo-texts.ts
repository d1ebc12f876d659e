/**
 * The words of the research demo: twelve aspects (方面) of a theme-education research campaign,
 * four topics each as a bureau would word them, the department that usually owns them, whether a
 * county bureau may own one too, and the findings such research turns up.
 */

export const DEMO_RESEARCH_CAMPAIGN = '主题教育调查研究'

export interface DemoAspect {
  name: string
  topics: readonly [string, string, string, string]
  department: string
  /** County bureaus research this in their own county too. */
  county: boolean
  findings: readonly string[]
}

export const DEMO_RESEARCH_ASPECTS: readonly DemoAspect[] = [
  {
    name: '义务教育优质均衡发展',
    topics: [
      '县域义务教育优质均衡发展情况调研',
      '城乡学校结对帮扶成效调研',
      '集团化办学运行情况调研',
      '义务教育学校校际差异系数变化调研',
    ],
    department: '督导室',
    county: true,
    findings: [
      '部分学校办学条件标准化达标仍有差距',
      '城乡学校师资配置不均衡，骨干教师向城区集中',
      '集团化办学成员校之间资源共享不充分',
    ],
  },
  {
    name: '学前教育普惠发展',
    topics: [
      '普惠性学前教育资源供给调研',
      '幼儿园保教质量评估情况调研',
      '民办幼儿园收费管理调研',
      '幼小科学衔接情况调研',
    ],
    department: '基础教育处',
    county: true,
    findings: [
      '普惠性幼儿园学位供给与入园需求不匹配',
      '部分民办园保教人员持证上岗率偏低',
      '幼小衔接存在提前教授小学内容的倾向',
    ],
  },
  {
    name: '普通高中多样化发展',
    topics: [
      '普通高中特色多样发展调研',
      '新课程新教材实施情况调研',
      '高中选课走班管理调研',
      '县域普通高中振兴情况调研',
    ],
    department: '基础教育处',
    county: false,
    findings: ['选课走班所需师资和教室不足', '特色课程建设同质化，特色不够鲜明', '县域高中优质生源外流'],
  },
  {
    name: '职业教育产教融合',
    topics: [
      '职业院校产教融合情况调研',
      '现代学徒制试点推进情况调研',
      '职业院校毕业生就业质量调研',
      '中高职贯通培养情况调研',
    ],
    department: '职业教育与成人教育处',
    county: false,
    findings: [
      '校企合作停留在协议层面，企业参与度不高',
      '实训设备更新滞后于产业发展',
      '“双师型”教师比例偏低',
    ],
  },
  {
    name: '高等教育内涵发展',
    topics: [
      '高校毕业生就业创业情况调研',
      '驻市高校服务地方发展调研',
      '高校科技成果转化情况调研',
      '高校学科专业结构调整调研',
    ],
    department: '高等教育处',
    county: false,
    findings: ['毕业生留本地就业比例偏低', '科技成果转化渠道不畅', '学科专业设置与地方产业需求契合度不高'],
  },
  {
    name: '教师队伍建设',
    topics: [
      '农村学校教师队伍建设调研',
      '教师交流轮岗制度落实调研',
      '中小学教师负担情况调研',
      '师德师风建设长效机制调研',
    ],
    department: '人事处',
    county: true,
    findings: [
      '农村学校教师年龄结构老化，青年教师留不住',
      '教师交流轮岗比例未达到规定要求',
      '非教学任务挤占教师工作时间',
    ],
  },
  {
    name: '学生身心健康',
    topics: [
      '中小学生心理健康教育调研',
      '学生体质健康监测情况调研',
      '近视防控工作推进情况调研',
      '学校食堂与营养改善计划调研',
    ],
    department: '学生处',
    county: true,
    findings: [
      '心理健康专职教师配备不足',
      '学生每天校内体育活动时间落实不到位',
      '部分学校食堂管理制度执行不严',
    ],
  },
  {
    name: '“双减”政策落实',
    topics: [
      '“双减”政策落实情况调研',
      '课后服务质量提升调研',
      '作业管理与设计情况调研',
      '校外培训机构治理情况调研',
    ],
    department: '基础教育处',
    county: true,
    findings: [
      '课后服务课程内容单一，学生选择余地小',
      '部分学校作业总量控制不严',
      '隐形变异校外培训仍有发生',
    ],
  },
  {
    name: '校园安全与稳定',
    topics: [
      '校园安全风险隐患排查情况调研',
      '校园欺凌防治工作调研',
      '学生上下学交通安全调研',
      '学校安全防范体系建设调研',
    ],
    department: '办公室',
    county: true,
    findings: [
      '部分学校安防设施老化，监控存在盲区',
      '校园欺凌预防教育覆盖不全面',
      '校门口上下学时段交通秩序管理薄弱',
    ],
  },
  {
    name: '教育数字化转型',
    topics: [
      '智慧校园建设情况调研',
      '国家智慧教育平台应用情况调研',
      '信息技术与课堂教学融合调研',
      '农村学校数字资源共享调研',
    ],
    department: '科技处',
    county: false,
    findings: [
      '智慧教育平台在课堂教学中应用率不高',
      '部分农村学校网络带宽不足',
      '教师信息化教学能力参差不齐',
    ],
  },
  {
    name: '教育经费保障与管理',
    topics: [
      '教育经费投入与使用情况调研',
      '学校财务管理规范化调研',
      '学生资助政策落实情况调研',
      '教育基建项目资金管理调研',
    ],
    department: '发展规划处',
    county: false,
    findings: ['部分学校预算执行进度偏慢', '资助对象认定程序不够规范', '基建项目资金拨付不及时'],
  },
  {
    name: '群众关切与教育民生',
    topics: [
      '随迁子女入学保障情况调研',
      '特殊教育发展情况调研',
      '群众反映强烈的教育热点问题调研',
      '教育信访问题成因调研',
    ],
    department: '信访办',
    county: true,
    findings: [
      '随迁子女入学证明材料要求偏多',
      '特殊教育资源教室利用率低',
      '群众反映的教育热点问题回应不及时',
    ],
  },
]

export const DEMO_LEADERS = ['周副局长', '陈副局长', '刘副局长', '王副局长', '李局长', '张副局长'] as const

export const DEMO_PARTICIPANTS = [
  '调研组一行4人',
  '分管领导带队，相关科室负责同志参加',
  '调研组一行3人，邀请2名人大代表参加',
  '课题组全体成员',
] as const

export const DEMO_VISIT_NOTES = [
  '召开座谈会，听取学校负责人、教师代表意见',
  '实地查看校舍、功能室和课后服务开展情况',
  '随机访谈学生和家长，发放调查问卷',
  '查阅相关台账资料，了解政策落实情况',
] as const
