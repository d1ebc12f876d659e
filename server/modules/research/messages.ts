/** Messages of the research-topic module (error codes → zh-CN / en). */
export const researchMessages = {
  research_illegal_transition: {
    'zh-CN': '课题当前为“{fromZh}”，不能{actionZh}',
    en: 'The topic is “{fromEn}”: it cannot {actionEn} now',
  },
  research_reason_required: { 'zh-CN': '请填写原因', en: 'Please give the reason' },
  research_summary_required: { 'zh-CN': '请填写调研报告摘要', en: 'Please write the report’s summary' },
  research_report_needs_visit: {
    'zh-CN': '还没有实地调研记录，不能提交调研报告',
    en: 'No field visit is recorded yet: the report cannot be submitted',
  },
  research_date_future: { 'zh-CN': '日期不能晚于今天', en: 'The date cannot be in the future' },
  research_end_before_start: {
    'zh-CN': '计划完成日期不能早于开始日期（{start}）',
    en: 'The planned end cannot be before the start ({start})',
  },
  research_aspect_not_in_campaign: {
    'zh-CN': '所选方面不属于该活动',
    en: 'The aspect does not belong to the campaign',
  },
  research_code_taken: { 'zh-CN': '课题编号 {code} 已被使用', en: 'Topic code {code} is already taken' },
  research_unit_out_of_scope: {
    'zh-CN': '所选单位不在您的管辖范围内',
    en: 'The chosen unit is outside your scope',
  },
  research_unit_not_visitable: {
    'zh-CN': '调研地点应为市、县（市、区）级单位或学校',
    en: 'A place to research is a city, a county or a unit within one (a school …)',
  },
  research_topic_closed: {
    'zh-CN': '课题已“{statusZh}”，不能再修改',
    en: 'The topic is “{statusEn}” and can no longer change',
  },
  research_visits_locked: {
    'zh-CN': '课题当前为“{statusZh}”，不能增减实地调研记录；如需补充请先退回修改',
    en: 'The topic is “{statusEn}”: field visits cannot change now; reopen it first',
  },
  research_findings_locked: {
    'zh-CN': '课题当前为“{statusZh}”，不能录入发现的问题（调研开始后、结题前可以录入）',
    en: 'The topic is “{statusEn}”: findings are recorded once the research started and until it is concluded',
  },
  research_finding_converted: {
    'zh-CN': '该问题已转为整改问题，不能再转换或修改',
    en: 'This finding already became a rectification problem: it cannot be converted or changed again',
  },
  // import
  research_import_code_format: {
    'zh-CN': '课题编号“{value}”只能包含文字、数字和 - _ / .',
    en: 'Topic code “{value}” may hold only letters, digits and - _ / .',
  },
  research_import_unknown_campaign: {
    'zh-CN': '找不到名为“{value}”的活动（须先在任务督办中建立）',
    en: 'No campaign named “{value}” (set it up in Supervision first)',
  },
  research_import_ambiguous_campaign: {
    'zh-CN': '有多个名为“{value}”的活动，无法确定',
    en: 'Several campaigns are named “{value}”',
  },
  research_import_unknown_aspect: {
    'zh-CN': '活动“{campaign}”下没有名为“{value}”的方面',
    en: 'The campaign “{campaign}” has no aspect named “{value}”',
  },
  research_import_unknown_unit: {
    'zh-CN': '在您的管辖范围内找不到单位“{value}”',
    en: 'No unit named “{value}” within your scope',
  },
  research_import_ambiguous_unit: {
    'zh-CN': '有多个单位名为“{value}”，请写全称',
    en: 'Several units are named “{value}”: write the full name',
  },
  research_import_unit_not_visitable: {
    'zh-CN': '“{value}”不是市、县（市、区）级单位或学校，不能作为调研地点',
    en: '“{value}” is not a city, a county or a unit within one: it cannot be a place to research',
  },
  research_import_code_voided: {
    'zh-CN': '课题编号 {value} 属于一个已作废的课题，请换一个编号',
    en: 'Topic code {value} belongs to a voided topic: use another code',
  },
  research_import_code_taken: {
    'zh-CN': '课题编号 {value} 已被其他单位的课题使用',
    en: 'Topic code {value} is used by another unit’s topic',
  },
  research_import_campaign_changed: {
    'zh-CN': '课题 {value} 已属于活动“{campaign}”，不能改到其他活动',
    en: 'Topic {value} belongs to the campaign “{campaign}” and cannot move to another',
  },
  research_import_topic_closed: {
    'zh-CN': '课题 {value} 已结题，不能再修改',
    en: 'Topic {value} is concluded and can no longer change',
  },
} as const
