/** Messages of the indicator registry (error codes → zh-CN / en). */
export const indicatorMessages = {
  indicator_unknown: { 'zh-CN': '指标 {key} 不存在', en: 'There is no indicator {key}' },
  indicator_cycle: {
    'zh-CN': '指标 {key} 的计算式引用了它自己（直接或间接）',
    en: 'The expression of {key} refers back to itself (directly or through others)',
  },
  indicator_expression_two: {
    'zh-CN': '“{op}”运算需要且只需要两个指标',
    en: 'A “{op}” needs exactly two indicators',
  },
  indicator_key_taken: { 'zh-CN': '指标编码 {key} 已被使用', en: 'The key {key} is already taken' },
  indicator_key_reserved: {
    'zh-CN': '以“{prefix}.”开头的编码留给该模块自己的指标',
    en: 'Keys starting with “{prefix}.” belong to that module’s own indicators',
  },
  indicator_in_use: {
    'zh-CN': '指标 {key} 被指标 {by} 的计算式引用，不能作废',
    en: '{key} is used by the expression of {by}: it cannot be voided',
  },
  indicator_period_invalid: {
    'zh-CN': '期间“{value}”无法识别：可写 2023、2023-H1、2023-Q3、2023-11 或 2023-01-01~2023-11-30',
    en: 'The period “{value}” is not understood: write 2023, 2023-H1, 2023-Q3, 2023-11 or 2023-01-01~2023-11-30',
  },
  indicator_unit_unknown: { 'zh-CN': '单位不存在', en: 'No such unit' },
  indicator_not_manual: {
    'zh-CN': '指标 {key} 由系统计算，不能手工录入数值（可设置目标值）',
    en: '{key} is computed: its values cannot be entered by hand (its targets can)',
  },
  indicator_pivot_too_big: {
    'zh-CN': '透视表共 {cells} 个单元格，超过上限 {max}：请减少指标、单位或期间',
    en: 'The pivot has {cells} cells, more than {max}: choose fewer indicators, units or periods',
  },
}
