/** Messages of the report module (error codes → zh-CN / en). */
export const reportMessages = {
  report_render: {
    'zh-CN': '模板第 {line} 行第 {col} 列无法生成：{message}',
    en: 'The template cannot be rendered at line {line}, column {col}: {message}',
  },
}
