/**
 * 20 clients × 50 conflicting updates of the same few records, over real HTTP against the app in
 * its own process. Optimistic concurrency promises: every write is either applied (200, the version
 * moves by one) or refused (409), never silently lost; the audit log holds exactly the applied ones;
 * the record ends as the last applied write left it.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { type Client, client, type FaultApp, faultTargets, startFaultApp } from './lib/app.js'
import { query } from './lib/db.js'

const CLIENTS = 20
const UPDATES = 50

interface Kind {
  name: string
  /** Who edits it: a department edits its own key tasks, the admin edits units. */
  user?: [string, string]
  list: string
  path: (id: number) => string
  body: (version: number, mark: string) => Record<string, unknown>
  field: string
  action: string
  entity: string
}

const KINDS: Kind[] = [
  {
    name: 'key task',
    user: ['dept_gaojiao', 'Demo@2026'],
    list: '/api/supervision/tasks?pageSize=200',
    path: (id) => `/api/supervision/tasks/${id}`,
    body: (version, mark) => ({ version, title: `并发改写 ${mark}` }),
    field: 'title',
    action: 'supervision.task.update',
    entity: 'supervision_task',
  },
  {
    name: 'org unit',
    list: '/api/org-units?kind=school&pageSize=2',
    path: (id) => `/api/org-units/${id}`,
    body: (version, mark) => ({ version, shortName: `并发${mark}` }),
    field: 'shortName',
    action: 'org.update',
    entity: 'org_unit',
  },
]

interface Outcome {
  kind: Kind
  id: number
  status: number
  mark: string
  version?: number
}

/** One client: read the record, write it with the version it read; now and then reuse a stale one. */
async function hammer(
  sessions: Map<Kind, Client>,
  n: number,
  records: { kind: Kind; id: number }[],
): Promise<Outcome[]> {
  const out: Outcome[] = []
  let stale: number | undefined
  for (let i = 0; i < UPDATES; i++) {
    const rec = records[(n + i) % records.length] as { kind: Kind; id: number }
    const c = sessions.get(rec.kind) as Client
    const read = await c.get(rec.kind.path(rec.id))
    if (read.status !== 200) throw new Error(`read ${rec.kind.path(rec.id)}: ${read.status}`)
    const version = i % 7 === 3 && stale !== undefined ? stale : (read.body.version as number)
    stale = read.body.version
    const mark = `c${n}u${i}`
    const r = await c.send('PATCH', rec.kind.path(rec.id), rec.kind.body(version, mark))
    out.push({ kind: rec.kind, id: rec.id, status: r.status, mark, version: r.body?.version })
  }
  return out
}

describe.each(faultTargets())('conflicting updates (%s)', (target) => {
  let app: FaultApp | undefined
  afterAll(async () => {
    await app?.dispose()
  })

  it(`${CLIENTS} clients × ${UPDATES} updates: each applied or refused with 409, none lost, every applied one audited`, async () => {
    app = await startFaultApp(target)
    // One after another: simultaneous logins to one account count as guesses (server/auth/throttle.ts).
    const clients: Map<Kind, Client>[] = []
    for (let i = 0; i < CLIENTS; i++) {
      const sessions = new Map<Kind, Client>()
      for (const kind of KINDS) sessions.set(kind, await client(app.started.url, ...(kind.user ?? [])))
      clients.push(sessions)
    }
    const first = clients[0] as Map<Kind, Client>
    const records: { kind: Kind; id: number; version: number }[] = []
    for (const kind of KINDS) {
      const list = await (first.get(kind) as Client).get(kind.list)
      const editable = list.body.items.filter((x: { canEdit?: boolean }) => x.canEdit !== false).slice(0, 2)
      for (const item of editable) records.push({ kind, id: item.id, version: item.version })
    }
    expect(records).toHaveLength(4)
    const [auditBefore] = await query<{ n: number }>(app, 'select max(id) as n from audit_log')

    const outcomes = (await Promise.all(clients.map((c, n) => hammer(c, n, records)))).flat()
    expect(outcomes).toHaveLength(CLIENTS * UPDATES)
    expect(outcomes.filter((o) => o.status !== 200 && o.status !== 409)).toEqual([])

    let applied = 0
    for (const rec of records) {
      const mine = outcomes.filter((o) => o.kind === rec.kind && o.id === rec.id)
      const ok = mine.filter((o) => o.status === 200)
      applied += ok.length
      // Each applied write moved the version by exactly one: versions v+1 … v+k, no gaps, no repeats.
      const versions = ok.map((o) => o.version as number).sort((a, b) => a - b)
      expect(versions).toEqual(Array.from({ length: ok.length }, (_, i) => rec.version + 1 + i))
      // The record holds the last applied write.
      const now = (await (first.get(rec.kind) as Client).get(rec.kind.path(rec.id))).body
      const last = ok.find((o) => o.version === versions.at(-1))
      expect(now.version).toBe(rec.version + ok.length)
      expect(JSON.stringify(now[rec.kind.field])).toContain(last?.mark as string)
      // The audit log holds every applied write of this record, and nothing more.
      const audited = await query<{ after_json: string }>(
        app,
        'select after_json from audit_log where id > ? and action = ? and entity = ? and entity_id = ?',
        [Number(auditBefore?.n ?? 0), rec.kind.action, rec.kind.entity, String(rec.id)],
      )
      const marks = audited.map((a) => /c\d+u\d+/.exec(a.after_json)?.[0]).sort()
      expect(marks).toEqual(ok.map((o) => o.mark).sort())
    }
    console.log(
      `[conflicts ${target}] ${outcomes.length} updates: ${applied} applied, ${outcomes.length - applied} refused with 409`,
    )
    expect(applied).toBeGreaterThan(records.length)
    expect(applied).toBeLessThan(outcomes.length)
    const chain = await (first.get(KINDS[1] as Kind) as Client).get('/api/audit/verify')
    expect(chain.body).toMatchObject({ ok: true })
  })
})
