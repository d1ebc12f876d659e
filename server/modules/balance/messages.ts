/** Messages of the balance module (error codes → zh-CN / en). */
export const balanceMessages = {
  balance_unit_out_of_scope: {
    'zh-CN': '所选单位不在您的管辖范围内',
    en: 'The chosen unit is outside your scope',
  },
  balance_not_a_school: { 'zh-CN': '所选单位不是中小学校', en: 'The chosen unit is not a school' },
  balance_not_a_kindergarten: { 'zh-CN': '所选单位不是幼儿园', en: 'The chosen unit is not a kindergarten' },
  balance_school_without_stage: {
    'zh-CN': '该校未设置学段（小学、初中、九年一贯制等），请先在组织机构中补充',
    en: 'The school has no stage (primary, junior, nine-year …): set it in the org tree first',
  },
  balance_stage_mismatch: {
    'zh-CN': '该校没有这一学段，应填 0',
    en: 'The school does not teach this stage: this must be 0',
  },
  balance_more_than_teachers: {
    'zh-CN': '不能多于该学段专任教师数（{max}）',
    en: 'Cannot exceed the stage’s teachers ({max})',
  },
  balance_year_future: { 'zh-CN': '统计年度不能晚于 {max} 年', en: 'The year cannot be later than {max}' },
  balance_row_exists: {
    'zh-CN': '{school} {year} 年度的数据已录入，请修改原记录',
    en: '{school} already has data for {year}: edit that row',
  },
  balance_row_voided: {
    'zh-CN': '该记录已作废，不能再修改',
    en: 'This row is voided and can no longer change',
  },
  balance_no_warning: {
    'zh-CN': '该县（市、区）该学段的综合差异系数没有增大，不需要转为整改问题',
    en: 'This county’s composite CV did not rise in this stage: there is no warning to convert',
  },
  balance_warning_converted: {
    'zh-CN': '该预警已转为整改问题',
    en: 'This warning already became a rectification problem',
  },
  balance_zero_pupils: {
    'zh-CN': '{school}{stageZh}在校生数为 0，未参与差异系数计算',
    en: '{school} has no {stageEn} pupils: it is left out of the coefficients',
  },
  balance_import_unknown_unit: {
    'zh-CN': '在您的管辖范围内找不到“{value}”',
    en: 'No unit “{value}” within your scope',
  },
  balance_import_ambiguous_unit: {
    'zh-CN': '有多个单位名为“{value}”，请写全称或标识码',
    en: 'Several units are named “{value}”: write the full name or the code',
  },
} as const
