/** Server messages of the petition ledger, merged into the platform catalogue. */
export const petitionMessages = {
  petition_category_taken: {
    'zh-CN': '同级已有名为“{name}”的分类',
    en: 'A category named "{name}" already exists here',
  },
  petition_category_depth: {
    'zh-CN': '分类只有两级：问题类别和具体诉求',
    en: 'The taxonomy has two levels only: category and demand',
  },
  petition_category_in_use: {
    'zh-CN': '“{name}”下仍有未办结的案件，不能作废',
    en: '"{name}" still has open cases and cannot be voided',
  },
  petition_demand_mismatch: {
    'zh-CN': '具体诉求不属于所选问题类别',
    en: 'The demand does not belong to the chosen category',
  },
  petition_case_no_taken: { 'zh-CN': '案件编号 {caseNo} 已存在', en: 'Case number {caseNo} already exists' },
  petition_unit_out_of_scope: {
    'zh-CN': '所选单位不在您的管辖范围内',
    en: 'The chosen unit is outside your scope',
  },
  petition_accused_required: {
    'zh-CN': '检举控告类信访需要写明被检举单位，系统据此对其隐藏本件',
    en: 'An accusation needs the accused unit, so the case can be hidden from it',
  },
  petition_accused_self: {
    'zh-CN': '被检举控告的是本单位或本单位的上级：请转上级机关或纪检监察部门登记办理',
    en: 'The accusation is against your own unit or one above it: pass it to the level above or the discipline office',
  },
  petition_import_missing_columns: {
    'zh-CN': '还有必填列没有对应：{columns}',
    en: 'Required columns are not mapped yet: {columns}',
  },
  petition_import_mapping_unknown_field: { 'zh-CN': '未知字段“{field}”', en: 'Unknown field "{field}"' },
  petition_group_representatives: {
    'zh-CN': '集体访推选的代表不超过 5 人',
    en: 'A group visit elects at most 5 representatives',
  },
  petition_received_future: {
    'zh-CN': '登记日期不能晚于今天',
    en: 'The date received cannot be in the future',
  },
  petition_note_required: { 'zh-CN': '请填写理由', en: 'Please give the reason' },
  petition_forward_unit_required: { 'zh-CN': '请选择转送单位', en: 'Choose the unit to forward to' },
  petition_action_in_future: { 'zh-CN': '办理日期不能晚于今天', en: 'The date cannot be in the future' },
  illegal_transition: {
    'zh-CN': '当前状态下不能执行该操作',
    en: 'This action is not possible in the case’s current state',
  },
  extension_too_long: {
    'zh-CN': '延期合计不得超过 {max} 日（已延期 {used} 日，本次申请 {requested} 日）',
    en: 'Extensions may total at most {max} days ({used} used, {requested} requested)',
  },
  extension_invalid: { 'zh-CN': '延期天数须为正整数', en: 'The extension must be a whole number of days' },
  late_extension: {
    'zh-CN': '办理期限已于 {due} 届满，不能再延期',
    en: 'The handling period ended on {due}; it can no longer be extended',
  },
  date_before_previous: {
    'zh-CN': '日期不能早于上一环节（{last}）',
    en: 'The date cannot be before the previous step ({last})',
  },
  late_review_request: {
    'zh-CN': '复查申请期限已于 {due} 届满（收到答复之日起 30 日），不予受理',
    en: 'The review request period ended on {due} (30 days from the reply)',
  },
  late_rereview_request: {
    'zh-CN': '复核申请期限已于 {due} 届满（收到复查意见之日起 30 日），不予受理',
    en: 'The re-review request period ended on {due} (30 days from the review decision)',
  },
  late_objection: {
    'zh-CN': '异议期限已于 {due} 届满（5 个工作日）',
    en: 'The objection period ended on {due} (5 working days)',
  },
  outcome_required: { 'zh-CN': '请选择办理结果', en: 'Choose the outcome' },
  satisfaction_required: { 'zh-CN': '请选择回访满意度', en: 'Choose the satisfaction' },
  petition_personal_forbidden: {
    'zh-CN': '您的角色不能查看信访人的完整信息',
    en: 'Your role may not see petitioners’ full personal data',
  },
  petition_import_mapping: { 'zh-CN': '列映射格式不正确', en: 'The column mapping is not valid' },
  petition_unknown_county: {
    'zh-CN': '找不到名为“{value}”的县（市、区）',
    en: 'No county named "{value}"',
  },
  petition_unknown_category: {
    'zh-CN': '“{value}”不在问题类别中，请在映射中指定',
    en: '"{value}" is not a category; map it first',
  },
  petition_unknown_demand: {
    'zh-CN': '“{value}”不是“{category}”下的具体诉求，请在映射中指定',
    en: '"{value}" is not a demand of "{category}"; map it first',
  },
  petition_id_untrusted: {
    'zh-CN': '身份证号码已被 Excel 转成科学计数法，后几位已丢失：该号码未导入，请核实后补录',
    en: 'Excel turned this ID number into a float and lost digits: it was not imported; re-enter it',
  },
} as const
