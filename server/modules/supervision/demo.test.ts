/**
 * The supervision demo, loaded directly on the city demo: one campaign, five aspects, 36 key tasks
 * and three sub-tasks, every escalation level among the overdue ones, three extension requests, a
 * monthly duty; nothing after today; stored progress equal to what the domain computes; the plan
 * the same for the same seed; loading twice adds nothing.
 */
import { beforeAll, expect, it } from 'vitest'
import { taskProgress, toBasisPoints } from '../../../domain/supervision/progress.js'
import type { TaskStatus } from '../../../domain/supervision/workflow.js'
import { type Client, forEachDatabase } from '../../../tests/harness.js'
import {
  DEMO_ASPECTS,
  DEMO_SUPERVISION_CAMPAIGN,
  type DemoUnit,
  loadSupervisionDemo,
  planSupervisionDemo,
} from './demo.js'
import { todayInChina } from './derive.js'
import type { FiguresView, TaskSummary } from './schema.js'

const SEED = 2026

forEachDatabase(
  'supervision demo',
  (h) => {
    let leader: Client
    let campaignId: number
    let today: string
    let units: DemoUnit[]

    beforeAll(async () => {
      today = todayInChina(h.services.now())
      const r = await loadSupervisionDemo(h.services, { seed: SEED, scale: 'city', today })
      campaignId = r.campaignId
      expect(r.tasks).toBe(39)
      leader = await h.loginAs('leader')
      units = (
        await h.db.selectFrom('org_units').select(['id', 'parent_id', 'kind', 'name', 'short_name']).execute()
      ).map((u) => ({ id: u.id, parentId: u.parent_id, kind: u.kind, name: u.name, shortName: u.short_name }))
    }, 60_000)

    it('loads a campaign with five aspects and 36 key tasks across the city’s departments and counties', async () => {
      const c = (await leader.get(`/api/supervision/campaigns/${campaignId}`)).json()
      expect(c).toMatchObject({ name: DEMO_SUPERVISION_CAMPAIGN, kind: 'theme', orgUnit: '示例市' })
      expect(c.aspects.map((a: { name: string }) => a.name)).toEqual([...DEMO_ASPECTS])
      const f = (await leader.get(`/api/supervision/figures?campaignId=${campaignId}`)).json() as FiguresView
      expect(f).toMatchObject({ tasks: 36, subTasks: 3, aspects: 5, aspectsWithTasks: 5 })
      expect(f.byStatus.cancelled).toBe(1)
      expect(f.overdueNow).toBeGreaterThanOrEqual(4)
      expect(f.dueSoon).toBeGreaterThanOrEqual(2)
      expect(f.doneLate + f.doneOnTime).toBe(f.done)
      const kinds = new Set(f.byUnit.map((u) => units.find((x) => String(x.id) === u.key)?.kind))
      expect(kinds).toEqual(new Set(['department', 'county']))
      expect(f.byUnit.length).toBeGreaterThan(8)
    })

    it('has every escalation level, three extension requests and a monthly duty with rates', async () => {
      const b = (await leader.get(`/api/supervision/overdue?campaignId=${campaignId}`)).json()
      const tasks = b.byUnit.flatMap((g: { tasks: TaskSummary[] }) => g.tasks) as TaskSummary[]
      const overdue = tasks.filter((t) => t.dueState === 'overdue' && t.parentId === null)
      expect(overdue.map((t) => t.daysOverdue).sort((x, y) => x - y)).toEqual(
        expect.arrayContaining([2, 5, 12, 30]),
      )
      expect(new Set(overdue.map((t) => t.escalation))).toEqual(new Set([0, 1, 2]))
      const all = (await leader.get(`/api/supervision/tasks?campaignId=${campaignId}&pageSize=200`)).json()
        .items as TaskSummary[]
      const ext = (await leader.get('/api/supervision/extensions')).json().items as {
        status: string
        taskId: number
      }[]
      const mine = ext.filter((e) => all.some((t) => t.id === e.taskId))
      expect(mine.map((e) => e.status).sort()).toEqual(['approved', 'pending', 'refused'])
      const moved = all.find((t) => t.id === mine.find((e) => e.status === 'approved')?.taskId)
      expect(moved && moved.deadline > moved.originalDeadline).toBe(true)
      const list = (await leader.get(`/api/supervision/tasks?campaignId=${campaignId}&q=每月报送`)).json()
        .items as TaskSummary[]
      expect(list).toHaveLength(1)
      const occ = (await leader.get(`/api/supervision/tasks/${list[0]?.id}/occurrences`)).json()
      expect(occ.recurrence).toEqual({ day: 25 })
      expect(occ.units).toHaveLength(4)
      // Due on the 25th from April (the campaign's start) to November 2026: 8 months per unit.
      for (const u of occ.units) expect(u.due).toBe(8)
      const sum = (k: string) =>
        occ.units.reduce((s: number, u: Record<string, number>) => s + (u[k] ?? 0), 0)
      expect(sum('complete')).toBeLessThan(32)
      expect(sum('onTime')).toBeLessThan(sum('complete'))
    })

    it('stores progress as the domain computes it, and nothing happens after today', async () => {
      const rows = await h.db
        .selectFrom('supervision_tasks')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .execute()
      const ms = await h.db.selectFrom('supervision_milestones').selectAll().execute()
      const notes = await h.db.selectFrom('supervision_progress_notes').selectAll().execute()
      const byId = new Map(rows.map((r) => [r.id, r]))
      const children = (id: number) => rows.filter((r) => r.parent_id === id)
      for (const r of rows) {
        const own = notes
          .filter((n) => n.task_id === r.id && n.percent !== null)
          .sort((a, b) => a.on_date.localeCompare(b.on_date) || a.id - b.id)
        const expected = toBasisPoints(
          taskProgress({
            status: r.status as TaskStatus,
            milestones: ms
              .filter((m) => m.task_id === r.id)
              .map((m) => ({ weight: m.weight, done: m.done_on !== null })),
            children: children(r.id).map((c) => ({
              weight: c.weight,
              progress: c.progress_bp / 100,
              status: c.status as TaskStatus,
            })),
            latestPercent: own.at(-1)?.percent ?? null,
          }),
        )
        expect({ id: r.id, bp: r.progress_bp }).toEqual({ id: r.id, bp: expected })
        expect(r.starts_on <= r.deadline).toBe(true)
        if (r.done_on) expect(r.done_on <= today).toBe(true)
        if (r.parent_id) expect(byId.get(r.parent_id)).toBeDefined()
      }
      expect(notes.every((n) => n.on_date <= today)).toBe(true)
      expect(ms.every((m) => m.done_on === null || m.done_on <= today)).toBe(true)
      const events = await h.db.selectFrom('supervision_task_events').select(['on_date', 'at']).execute()
      expect(events.every((e) => e.on_date <= today && e.at <= h.services.now().toISOString())).toBe(true)
    })

    it('plans the same demo for the same seed, another for another seed; loading twice adds nothing', async () => {
      const opts = { seed: SEED, scale: 'city' as const, today }
      expect(planSupervisionDemo(units, opts)).toEqual(planSupervisionDemo(units, opts))
      expect(planSupervisionDemo(units, { ...opts, seed: SEED + 1 })).not.toEqual(
        planSupervisionDemo(units, opts),
      )
      const province = planSupervisionDemo(units, { ...opts, scale: 'province' })
      expect(province.tasks.filter((t) => t.parentKey === null)).toHaveLength(360)
      expect(new Set(province.tasks.map((t) => t.title)).size).toBe(province.tasks.length)
      const again = await loadSupervisionDemo(h.services, opts)
      expect(again).toEqual({ campaignId, tasks: 39, skipped: true })
    })
  },
  { demo: 'city' },
)
