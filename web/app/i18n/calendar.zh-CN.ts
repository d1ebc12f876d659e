/** Chinese text of the working-day calendar (工作日历). `calendar.en.ts` must mirror every key. */
const calendarZh = {
  title: '工作日历',
  prevYear: '上一年',
  nextYear: '下一年',
  weekdays: '一,二,三,四,五,六,日',
  monthFormat: 'M月',
  rest: '休',
  work: '班',
  kind: { holiday: '法定节假日（休）', workday: '调休上班（班）', normal: '按常规（周一至周五上班）' },
  source: { builtin: '国务院公布的安排', override: '管理员调整' },
  kindLabel: '这一天',
  name: '名称',
  namePlaceholder: '如：国庆节、本地假日',
  overridden: '管理员调整',
  legendOverride: '虚线框：管理员调整过的日期',
  clickToEdit: '点击日期可调整',
  overrideTitle: '调整 {{date}}',
  overrideName: '{{date}} 的调整',
  currentIs: '目前：{{kind}} {{name}}（{{source}}）',
  currentNormal: '目前：按常规计算（周一至周五上班，周末休息）',
  removeOverride: '撤销调整',
  saved: '已保存，在办信访件的期限已按新日历重算',
  recomputeNote: '信访期限按工作日和节假日计算；日历调整后，在办信访件的期限会自动重算。',
  unpublished: '内置数据中还没有 {{year}} 年的放假安排',
  unpublishedHint:
    '国务院办公厅每年秋季公布下一年的节假日安排。公布前，期限只按周末计算；请管理员按公布的通知逐日补充。',
}

export default calendarZh
export type CalendarCatalogue = typeof calendarZh
