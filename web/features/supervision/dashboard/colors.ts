/** One palette for due states across charts and tags (the tags use antd's names for the same hues). */
export const DUE_COLORS = {
  ok: '#1677ff',
  due_soon: '#fa8c16',
  overdue: '#cf1322',
  done: '#52c41a',
  done_late: '#fa541c',
  cancelled: '#bfbfbf',
  not_started: '#8c8c8c',
} as const
