/**
 * The demo problem list and ethics cases: the right numbers, every state the workflow allows and
 * nothing it forbids (a signed-off problem has evidence whose hash matches, a reviewer, every
 * measure done; nothing happens after today), overdue measures, sealed teachers with valid ID
 * numbers and summaries that name no one, and the same seed gives the same data.
 */
import { createHash } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { countRows, forEachDatabase, type Harness } from '../../../tests/harness.js'
import type { Services } from '../../context.js'
import { loadDemo } from '../../demo/load.js'
import { idNumberProblem } from '../../spreadsheet/parse-id.js'
import { DEMO_ETHICS_CASES, DEMO_PROBLEMS, loadRectificationDemo } from './demo.js'
import { openTeacher } from './teachers.js'
import { todayInChina } from './units.js'

const SEED = 11

/** A fresh database with the city demo tree and this module's demo (unless the demo loader already adds it). */
async function demoRuntime(h: Harness) {
  const rt = await h.freshRuntime({ startJobs: false })
  await loadDemo(rt.services, 'city', SEED, { petitions: 0 })
  if ((await countRows(rt.services.db, 'rectification_problems')) === 0)
    await loadRectificationDemo(rt.services, {
      seed: SEED,
      scale: 'city',
      today: todayInChina(rt.services.now()),
    })
  return rt.services
}

async function snapshot(s: Services) {
  const problems = await s.db.selectFrom('rectification_problems').selectAll().orderBy('id').execute()
  const measures = await s.db.selectFrom('rectification_measures').selectAll().orderBy('id').execute()
  const evidence = await s.db
    .selectFrom('rectification_evidence')
    .select(['id', 'problem_id', 'filename', 'sha256', 'size_bytes', 'created_at'])
    .orderBy('id')
    .execute()
  const cases = (await s.db.selectFrom('ethics_cases').selectAll().orderBy('id').execute()).map(
    // Ciphertexts draw a fresh IV, and the lookup hash is keyed with each database's own key.
    ({
      teacher_name_enc: _a,
      teacher_id_enc: _b,
      finding_enc: _c,
      teacher_id_hash: _d,
      teacher_name_hash: _e,
      ...rest
    }) => rest,
  )
  return { problems, measures, evidence, cases }
}

forEachDatabase(
  'rectification demo',
  (h) => {
    let s: Services
    let data: Awaited<ReturnType<typeof snapshot>>
    let today: string
    beforeAll(async () => {
      s = await demoRuntime(h)
      data = await snapshot(s)
      today = todayInChina(s.now())
    }, 120_000)

    it('loads about a hundred problems with measures and ten ethics cases for the city', () => {
      expect(data.problems).toHaveLength(DEMO_PROBLEMS.city)
      expect(data.cases).toHaveLength(DEMO_ETHICS_CASES.city)
      expect(data.measures.length).toBeGreaterThanOrEqual(DEMO_PROBLEMS.city)
      expect(new Set(data.problems.map((p) => p.code)).size).toBe(DEMO_PROBLEMS.city)
      const statuses = new Set(data.problems.map((p) => p.status))
      expect([...statuses].sort()).toEqual(['open', 'rectified', 'rectifying', 'signed_off'])
      expect(new Set(data.problems.map((p) => p.source)).size).toBeGreaterThanOrEqual(5)
      expect(data.problems.some((p) => p.fix_at_once === 1)).toBe(true)
      expect(data.cases.some((c) => c.published === 1)).toBe(true)
      expect(data.cases.some((c) => c.published === 0)).toBe(true)
    })

    it('follows the workflow’s own rules, and nothing happens after today', () => {
      const byProblem = new Map<number, typeof data.measures>()
      for (const m of data.measures) byProblem.set(m.problem_id, [...(byProblem.get(m.problem_id) ?? []), m])
      const evidenceOf = (id: number) => data.evidence.filter((e) => e.problem_id === id)
      for (const p of data.problems) {
        const ms = byProblem.get(p.id) ?? []
        expect(ms.length, p.code).toBeGreaterThan(0)
        expect(p.found_on <= today).toBe(true)
        for (const m of ms) {
          expect((m.deadline ?? '') > p.found_on, p.code).toBe(true)
          if (m.done_on) expect(m.done_on <= today && m.done_on >= p.found_on, p.code).toBe(true)
          expect(m.status === 'done', p.code).toBe(m.done_on !== null)
        }
        if (p.status === 'rectified' || p.status === 'signed_off') {
          expect(
            ms.every((m) => m.status === 'done'),
            p.code,
          ).toBe(true)
          expect(p.rectified_on && p.rectified_on <= today).toBeTruthy()
        }
        if (p.status === 'signed_off') {
          expect(evidenceOf(p.id).length, p.code).toBeGreaterThan(0)
          expect(p.signed_off_by_name).toBeTruthy()
          expect((p.signed_off_at ?? '').slice(0, 10) >= (p.rectified_on ?? '')).toBe(true)
          expect((p.signed_off_at ?? '').slice(0, 10) <= today).toBe(true)
        } else expect(p.signed_off_at).toBeNull()
        if (p.status === 'open') expect(ms.every((m) => m.status === 'todo')).toBe(true)
      }
      const overdue = data.measures.filter((m) => m.status !== 'done' && (m.deadline ?? '') < today)
      expect(overdue.length).toBeGreaterThan(0)
    })

    it('stores evidence whose bytes match their hash, and signs off as the demo leader', async () => {
      const rows = await s.db.selectFrom('rectification_evidence').selectAll().execute()
      expect(rows.length).toBeGreaterThan(0)
      for (const e of rows) {
        const bytes = Buffer.from(e.bytes)
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.sha256)
        expect(bytes.length).toBe(e.size_bytes)
        expect(bytes.subarray(0, 5).toString('latin1') === '%PDF-' || bytes[1] === 0x50).toBe(true)
      }
      const leader = await s.db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('username', '=', 'leader')
        .executeTakeFirstOrThrow()
      const signed = data.problems.filter((p) => p.status === 'signed_off')
      expect(
        signed.every((p) => p.signed_off_by === leader.id && p.signed_off_by_name === leader.display_name),
      ).toBe(true)
    })

    it('seals teachers with valid ID numbers, and publishes summaries that name no one', async () => {
      const rows = await s.db.selectFrom('ethics_cases').selectAll().execute()
      for (const r of rows) {
        const t = openTeacher(s.personal, r)
        expect(idNumberProblem(t.idNumber ?? '', today), t.idNumber ?? '').toBeNull()
        expect(r.teacher_id_mask).toBe(`${t.idNumber?.slice(0, 6)}********${t.idNumber?.slice(-4)}`)
        expect(r.finding_mask).not.toContain(t.name)
        expect(r.public_summary).not.toContain(t.name)
        expect(r.public_summary).not.toContain(t.idNumber)
        expect(r.public_summary).toMatch(/^\**[^*]*教师.+某.+问题。\d{4}年\d{1,2}月，/)
        expect(JSON.stringify(r)).not.toContain(t.name)
      }
    })

    it('gives the same data for the same seed', async () => {
      const again = await snapshot(await demoRuntime(h))
      expect(again).toEqual(data)
    }, 120_000)

    it('scales up ten times for the province, and refuses a ledger that is not empty', async () => {
      const rt = await h.freshRuntime({ startJobs: false })
      await loadDemo(rt.services, 'city', SEED, { petitions: 0 })
      if ((await countRows(rt.services.db, 'rectification_problems')) > 0) return // the demo loader already added it
      const today = todayInChina(rt.services.now())
      const r = await loadRectificationDemo(rt.services, { seed: SEED, scale: 'province', today })
      expect(r).toMatchObject({ problems: DEMO_PROBLEMS.province, ethicsCases: DEMO_ETHICS_CASES.province })
      expect(await countRows(rt.services.db, 'rectification_problems')).toBe(1_000)
      await expect(loadRectificationDemo(rt.services, { seed: SEED, scale: 'city', today })).rejects.toThrow(
        /empty/,
      )
    }, 120_000)
  },
  { app: false },
)
