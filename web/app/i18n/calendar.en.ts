import type { CalendarCatalogue } from './calendar.zh-CN'

/** English text of the working-day calendar. */
const calendarEn: CalendarCatalogue = {
  title: 'Working days',
  prevYear: 'Previous year',
  nextYear: 'Next year',
  weekdays: 'Mo,Tu,We,Th,Fr,Sa,Su',
  monthFormat: 'MMMM',
  rest: 'off',
  work: 'on',
  kind: {
    holiday: 'Public holiday (off)',
    workday: 'Make-up working day (on)',
    normal: 'Usual rule (Mon–Fri working)',
  },
  source: { builtin: 'State Council schedule', override: 'Admin correction' },
  kindLabel: 'This day is',
  name: 'Name',
  namePlaceholder: 'e.g. National Day, a local holiday',
  overridden: 'Admin correction',
  legendOverride: 'Dashed outline: corrected by an admin',
  clickToEdit: 'Click a day to correct it',
  overrideTitle: 'Correct {{date}}',
  overrideName: 'correction of {{date}}',
  currentIs: 'Now: {{kind}} {{name}} ({{source}})',
  currentNormal: 'Now: the usual rule (Mon–Fri working, weekends off)',
  removeOverride: 'Remove correction',
  saved: 'Saved; deadlines of open petitions were recomputed',
  recomputeNote:
    'Petition deadlines count working days and holidays; when the calendar changes, open cases’ deadlines are recomputed.',
  unpublished: 'The built-in data has no holiday schedule for {{year}} yet',
  unpublishedHint:
    'The State Council publishes next year’s schedule each autumn. Until then only weekends count as rest days; an administrator should add the published days.',
}

export default calendarEn
