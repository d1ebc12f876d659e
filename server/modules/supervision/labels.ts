/** Chinese labels of stored codes, for exports, notices and messages. */
export const STATUS_ZH: Record<string, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  done: '已完成',
  cancelled: '已取消',
}
export const DUE_ZH: Record<string, string> = {
  ok: '正常',
  due_soon: '即将到期',
  overdue: '已逾期',
  done: '按期完成',
  done_late: '逾期完成',
  cancelled: '—',
}
