/** Server messages of problems, rectification and teacher-ethics cases, merged into the platform catalogue. */
export const rectificationMessages = {
  problem_illegal_transition: {
    'zh-CN': '问题当前为“{fromZh}”，不能{actionZh}',
    en: 'The problem is “{fromEn}”: it cannot {actionEn} now',
  },
  problem_reason_required: { 'zh-CN': '请填写原因', en: 'Please give the reason' },
  problem_measures_required: {
    'zh-CN': '问题还没有整改措施，不能标记为已整改',
    en: 'The problem has no measures yet: it cannot be marked rectified',
  },
  problem_measures_open: {
    'zh-CN': '还有 {open} 项整改措施未完成（共 {total} 项），不能标记为已整改',
    en: '{open} of {total} measures are not done yet: the problem cannot be marked rectified',
  },
  problem_signoff_by_owner: {
    'zh-CN': '问题的录入人和责任人不能为其销号，请由其他审核人销号',
    en: 'Whoever recorded or answers for a problem may not sign it off: another reviewer must',
  },
  problem_signoff_needs_evidence: {
    'zh-CN': '销号前请至少上传一份整改佐证材料',
    en: 'Upload at least one piece of evidence before signing off',
  },
  problem_locked: {
    'zh-CN': '问题已整改或已销号，不能再修改；如需修改请先退回整改',
    en: 'The problem is rectified or signed off and cannot change; reopen it first',
  },
  problem_code_taken: { 'zh-CN': '问题编号 {code} 已被使用', en: 'Problem code {code} is already taken' },
  rectification_unit_out_of_scope: {
    'zh-CN': '所选单位不在您的管辖范围内',
    en: 'The chosen unit is outside your scope',
  },
  rectification_date_future: { 'zh-CN': '日期不能晚于今天', en: 'The date cannot be in the future' },
  rectification_category_taken: {
    'zh-CN': '已有名为“{name}”的问题类别',
    en: 'A category named "{name}" already exists',
  },
  rectification_category_in_use: {
    'zh-CN': '仍有未销号的问题属于“{name}”，不能作废',
    en: 'Problems not yet signed off still belong to "{name}": it cannot be voided',
  },
  evidence_corrupt: {
    'zh-CN': '该佐证文件已损坏（内容与存档校验值不符），请联系管理员',
    en: 'This evidence file is damaged (it no longer matches its stored checksum); contact your admin',
  },
  problem_import_unknown_category: {
    'zh-CN': '“{value}”不是系统中的问题类别',
    en: '"{value}" is not a category in the system',
  },
  problem_import_unknown_unit: {
    'zh-CN': '找不到名称或代码为“{value}”的单位（或不在您的管辖范围内）',
    en: 'No unit named or coded "{value}" within your scope',
  },
  problem_import_ambiguous_unit: {
    'zh-CN': '有多个单位名为“{value}”，请改填单位代码',
    en: 'Several units are named "{value}": use the unit code',
  },
  problem_import_signed_off: {
    'zh-CN': '问题 {code} 已销号，不能通过导入修改',
    en: 'Problem {code} is signed off and cannot be changed by an import',
  },
  ethics_personal_forbidden: {
    'zh-CN': '您的角色不能查看涉事教师的完整信息',
    en: 'Your role may not see the teacher’s full personal data',
  },
  ethics_violation_type_taken: {
    'zh-CN': '已有名为“{name}”的违规类型',
    en: 'A violation type named "{name}" already exists',
  },
  ethics_violation_type_in_use: {
    'zh-CN': '仍有案件属于“{name}”，不能作废',
    en: 'Cases still belong to "{name}": it cannot be voided',
  },
  ethics_case_no_taken: {
    'zh-CN': '案件编号 {caseNo} 已被使用',
    en: 'Case number {caseNo} is already taken',
  },
  ethics_import_case_no_required: {
    'zh-CN': '请填写案件编号：导入按案件编号识别同一案件，再次导入时不会重复登记',
    en: 'Give the case number: the import recognises a case by it, so a re-import does not register it twice',
  },
  ethics_import_masked: {
    'zh-CN': '内容含“*”，是隐去个人信息后的数据；导入需要完整信息（导出的案件表已脱敏，不能直接导入）',
    en: 'The value contains “*”: it is masked. An import needs the full data (the exported list is masked and cannot be imported)',
  },
  ethics_import_unknown_school: {
    'zh-CN': '找不到名称或代码为“{value}”的学校',
    en: 'No school named or coded "{value}"',
  },
  ethics_import_ambiguous_school: {
    'zh-CN': '有多个学校名为“{value}”，请填写带区县名称的全称或单位代码',
    en: 'Several schools are named "{value}": give the full name with its county, or the unit code',
  },
  ethics_import_school_out_of_scope: {
    'zh-CN': '“{value}”不在您的管辖范围内',
    en: '"{value}" is outside your scope',
  },
  ethics_import_unknown_type: {
    'zh-CN': '“{value}”不是系统中的违规类型（现有：{types}）',
    en: '"{value}" is not a violation type in the system (there are: {types})',
  },
} as const
