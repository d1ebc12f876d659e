/** Messages of the report module (error codes → zh-CN / en). */
export const reportMessages = {
  report_render: {
    'zh-CN': '模板第 {line} 行第 {col} 列无法生成：{message}',
    en: 'The template cannot be rendered at line {line}, column {col}: {message}',
  },
  report_template_invalid: {
    'zh-CN': '模板有 {count} 处错误，未保存',
    en: 'The template has {count} problem(s) and was not saved',
  },
  report_template_problem: {
    'zh-CN': '第 {line} 行第 {col} 列：{message}',
    en: 'Line {line}, column {col}: {message}',
  },
  report_template_unknown: { 'zh-CN': '报告模板不存在', en: 'No such report template' },
  report_template_key_taken: {
    'zh-CN': '模板编码 {key} 已被使用',
    en: 'The template key {key} is already taken',
  },
  report_snapshot_unknown: { 'zh-CN': '报告不存在', en: 'No such report' },
  report_term_exists: { 'zh-CN': '敏感词“{term}”已在列表中', en: '“{term}” is already in the list' },
}
