/**
 * Demo data of balance monitoring (see demo-plan.ts for what it shows): a resource row for every
 * demo school for last year and this year (by `today`), an enrolment row for every kindergarten,
 * inserted in bulk (the province's ≈ 20,000 rows in a few dozen statements), one audit row.
 * Pupils come from the demo tree, generated again from the same seed and matched by unit code.
 * Loading twice does nothing the second time.
 */
import { recordAudit } from '../../audit/record.js'
import { type Services, SYSTEM_ACTOR } from '../../context.js'
import { generateOrgTree } from '../../demo/org-tree.js'
import { createRng } from '../../demo/random.js'
import { countySpreads, type DemoSchool, demoResources } from './demo-plan.js'
import { columnsOf } from './fields.js'
import { insertEnrolments } from './kindergarten-repository.js'
import { hasAnyResource, insertResources, schoolsAndKindergartens } from './repository.js'

export interface BalanceDemoOptions {
  seed: number
  scale: 'city' | 'province'
  today: string
}

export async function loadBalanceDemo(s: Services, opts: BalanceDemoOptions): Promise<void> {
  const year = Number(opts.today.slice(0, 4))
  const tree = new Map(
    generateOrgTree({ scale: opts.scale, seed: opts.seed })
      .filter((u) => u.code)
      .map((u) => [u.code, u]),
  )
  const rng = createRng(opts.seed).fork('balance')
  const at = s.now().toISOString()
  await s.db.transaction().execute(async (trx) => {
    if (await hasAnyResource(trx)) return
    const units = await schoolsAndKindergartens(trx)
    const schools: DemoSchool[] = []
    const kindergartens: { id: number; ref: string; pupils: number; inclusive: boolean }[] = []
    for (const u of units) {
      const d = u.code ? tree.get(u.code) : undefined
      if (!d || d.pupils === undefined) continue
      if (u.kind === 'kindergarten')
        kindergartens.push({ id: u.id, ref: d.ref, pupils: d.pupils, inclusive: u.inclusive === 1 })
      else
        schools.push({
          id: u.id,
          countyId: u.parent_kind === 'county' ? u.parent_id : null,
          ref: d.ref,
          stage: u.stage,
          pupils: d.pupils,
        })
    }
    const counties = [...new Set(schools.map((x) => x.countyId).filter((x): x is number => x !== null))].sort(
      (a, b) => a - b,
    )
    const spreads = countySpreads(rng, counties)
    const row = (school: DemoSchool, y: number, sigma: number, growth: number) => ({
      school_id: school.id,
      year: y,
      ...columnsOf(demoResources(rng, school, sigma, growth)),
      exclusion: null,
      note: '',
      source: 'demo',
      version: 1,
      created_by: null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
    const rows = schools.flatMap((x) => {
      const spread = (x.countyId !== null ? spreads.get(x.countyId) : undefined) ?? {
        last: 0.2,
        current: 0.2,
      }
      return [row(x, year - 1, spread.last, 0.97), row(x, year, spread.current, 1)]
    })
    await insertResources(trx, s.dialect, rows)
    const enrolments = kindergartens.flatMap((k) => {
      const r = rng.fork(`kg-${k.ref}`)
      return [year - 1, year].map((y) => ({
        kindergarten_id: k.id,
        year: y,
        children: y === year ? k.pupils : Math.round(k.pupils * (0.9 + 0.08 * r.next())),
        new_inclusive_places: k.inclusive ? r.int(0, 4) * 10 : 0,
        note: '',
        source: 'demo',
        version: 1,
        created_by: null,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      }))
    })
    await insertEnrolments(trx, s.dialect, enrolments)
    await recordAudit(trx, s, SYSTEM_ACTOR, {
      action: 'balance.demo.load',
      entity: 'balance_school_resource',
      entityId: null,
      before: null,
      after: { years: [year - 1, year], schoolRows: rows.length, kindergartenRows: enrolments.length },
    })
  })
}
