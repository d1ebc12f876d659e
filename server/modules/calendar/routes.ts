/** Working-day calendar routes: everyone reads, admins correct. */
import type { App } from '../../http/module.js'
import { ctxOf } from '../../http/request.js'
import { putOverride, readCalendar, removeOverride } from './manage-calendar.js'
import { CalendarQuery, CalendarView, IdParams, OverrideBody, VoidOverrideBody } from './schema.js'

const tags = ['calendar']

export function calendarRoutes(app: App) {
  app.get(
    '/api/calendar',
    { schema: { tags, querystring: CalendarQuery, response: { 200: CalendarView } } },
    (req) => readCalendar(ctxOf(req), req.query.year),
  )
  app.post(
    '/api/calendar/overrides',
    { schema: { tags, body: OverrideBody, response: { 200: CalendarView } } },
    (req) => putOverride(ctxOf(req), req.body),
  )
  app.post(
    '/api/calendar/overrides/:id/void',
    { schema: { tags, params: IdParams, body: VoidOverrideBody, response: { 200: CalendarView } } },
    (req) => removeOverride(ctxOf(req), req.params.id, req.body.reason),
  )
}
