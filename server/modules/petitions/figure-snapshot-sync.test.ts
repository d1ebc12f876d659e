/**
 * The snapshot's bookkeeping where the city comparisons (figure-snapshot.test.ts) cannot reach:
 * on PostgreSQL an event that commits after a later one is still picked up, and an id rolled back
 * is asked for only until it is old enough; a stored date not of the shape YYYY-MM-DD makes the
 * figures fall back to the SQL rather than compare integers that would order differently.
 */
import { expect, it } from 'vitest'
import { addDays } from '../../../domain/calendar/calendar.js'
import { forEachDatabase, TEST_DEMO_PETITIONS } from '../../../tests/harness.js'
import { type Actor, SYSTEM_ACTOR, type Tx } from '../../context.js'
import { FigureSnapshot, figureSnapshot } from './figure-snapshot.js'
import { computeFigures, type SnapshotFigures } from './figure-snapshot-compute.js'
import type { FigureParams } from './figures-repository.js'
import { caseFigures, sqlFigures } from './figures-source.js'
import { insertEvent } from './repository.js'

const TODAY = '2026-11-27'
const P: FigureParams = {
  cutoff: '2026-01-01',
  asOf: TODAY,
  today: TODAY,
  soon: addDays(TODAY, 7),
  backlogBefore: addDays(TODAY, -180),
}
const FROM = `${addDays(TODAY, -730).slice(0, 7)}-01`
const actor: Actor = SYSTEM_ACTOR

const sortedMonths = (f: SnapshotFigures) => ({
  ...f,
  series: {
    received: [...f.series.received].sort((a, b) => a.month.localeCompare(b.month)),
    resolved: [...f.series.resolved].sort((a, b) => a.month.localeCompare(b.month)),
  },
})

/** A write as the use cases make it: the row and its timeline event in one transaction. */
async function touch(trx: Tx, id: number, patch: { satisfaction?: string; received_on?: string }) {
  await trx.updateTable('petition_cases').set(patch).where('id', '=', id).execute()
  await insertEvent(trx, {
    case_id: id,
    at: new Date().toISOString(),
    on_date: TODAY,
    action: 'visit',
    actor_id: null,
    actor_name: 'test',
    detail_json: '{}',
  })
}

forEachDatabase(
  'figure snapshot bookkeeping',
  (h) => {
    it('picks up an event that commits after a later one, and forgets ids rolled back', async () => {
      if (h.target !== 'postgres') return // SQLite's writers are serial: ids commit in order
      let now = 0
      const snap = new FigureSnapshot(() => now)
      const same = async () =>
        expect(sortedMonths(computeFigures(await snap.sync(h.db), actor, P, FROM))).toEqual(
          sortedMonths(await sqlFigures(h.db, actor, P, FROM)),
        )
      await same()
      const [x, y] = await h.db.selectFrom('petition_cases').select('id').orderBy('id').limit(2).execute()
      if (!x || !y) throw new Error('no cases')
      let release = () => {}
      const held = new Promise<void>((r) => {
        release = r
      })
      let started = () => {}
      const inside = new Promise<void>((r) => {
        started = r
      })
      // x's event draws its id first but commits last.
      const slow = h.db.transaction().execute(async (trx) => {
        await touch(trx, x.id, { satisfaction: 'satisfied' })
        started()
        await held
      })
      await inside
      await h.db.transaction().execute((trx) => touch(trx, y.id, { satisfaction: 'unsatisfied' }))
      await same()
      expect(snap.missingIds()).toHaveLength(1)
      release()
      await slow
      await same()
      expect(snap.missingIds()).toHaveLength(0)

      // A rolled-back event leaves a gap, asked for until it is old enough to forget.
      await h.db
        .transaction()
        .execute(async (trx) => {
          await touch(trx, x.id, { satisfaction: 'basic' })
          throw new Error('roll back')
        })
        .catch(() => undefined)
      await h.db.transaction().execute((trx) => touch(trx, y.id, { satisfaction: 'basic' }))
      await same()
      expect(snap.missingIds()).toHaveLength(1)
      now += 31 * 60_000
      await same()
      expect(snap.missingIds()).toHaveLength(0)
    })

    it('answers by SQL while a stored date is not of the shape YYYY-MM-DD', async () => {
      const row = await h.db
        .selectFrom('petition_cases')
        .select(['id', 'received_on'])
        .where('voided_at', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      const cols = await figureSnapshot(h.db).sync(h.db)
      expect(cols.odd).toBe(0)
      // '2026-3-1' sorts after '2026-10-01' as text, before it as a date: only SQL gets it "right".
      await h.db.transaction().execute((trx) => touch(trx, row.id, { received_on: '2026-3-1' }))
      expect((await figureSnapshot(h.db).sync(h.db)).odd).toBe(1)
      expect(sortedMonths(await caseFigures(h.db, actor, P, FROM))).toEqual(
        sortedMonths(await sqlFigures(h.db, actor, P, FROM)),
      )
      await h.db.transaction().execute((trx) => touch(trx, row.id, { received_on: row.received_on }))
      expect((await figureSnapshot(h.db).sync(h.db)).odd).toBe(0)
    })
  },
  { demo: 'city', petitions: TEST_DEMO_PETITIONS, app: false },
)
