/**
 * Balance monitoring through the API, on a small world built for it (a city, two counties, a
 * handful of schools): DOMAIN.md's worked example from rows in the database to the route (books CV
 * 0.515), a zero-pupil school left out with a warning, one school → 0, a nine-year school split
 * 1 : 1.1, a warning (composite rose from last year) → a linked rectification problem, checks on
 * entry, versions and voiding, scope (another county's rows are 404), preschool shares of
 * children, settings, and the figures the indicator registry reads.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, errorOf, forEachDatabase } from '../../../tests/harness.js'
import type { OrgUnit } from '../org/schema.js'
import { categoryIds } from '../rectification/testing.js'
import type { CoefficientsView, CountySchoolsView, WarningView } from './coefficient-schema.js'
import { computeFigure } from './figures.js'
import type { ResourceView } from './schema.js'

// The worked example: five primary schools (pupils, books).
const EXAMPLE = [
  [45, 279],
  [37, 137],
  [89, 935],
  [76, 160],
  [55, 402],
] as const

forEachDatabase('balance monitoring', (h) => {
  let city: OrgUnit
  let a: OrgUnit
  let b: OrgUnit
  let schoolsA: OrgUnit[]
  let countyA: Client
  let countyB: Client
  let dept: Client
  let schoolUser: Client
  let leader: Client
  const rowIds: number[] = []

  const coefficients = async (c: Client, query: string): Promise<CoefficientsView> => {
    const r = await c.get(`/api/balance/coefficients?${query}`)
    expect(r.statusCode, r.body).toBe(200)
    return r.json()
  }

  beforeAll(async () => {
    city = await h.buildCity()
    a = await h.buildCounty({ parentId: city.id })
    b = await h.buildCounty({ parentId: city.id })
    schoolsA = []
    for (let i = 0; i < EXAMPLE.length; i++)
      schoolsA.push(await h.buildSchool({ countyId: a.id, stage: 'primary' }))
    const login = async (role: 'county' | 'department' | 'school' | 'leader', orgUnitId: number) => {
      const u = await h.buildUser({ role, orgUnitId })
      return h.loginAs(u.username, u.password)
    }
    countyA = await login('county', a.id)
    countyB = await login('county', b.id)
    dept = await login('department', city.id)
    schoolUser = await login('school', (schoolsA[0] as OrgUnit).id)
    leader = await login('leader', city.id)
    // This year's rows of the worked example, entered by the county.
    for (const [i, [pupils, books]] of EXAMPLE.entries()) {
      const r = await countyA.post('/api/balance/resources', {
        schoolId: schoolsA[i]?.id,
        year: 2026,
        pupilsPrimary: pupils,
        teachersPrimary: 10,
        qualifiedPrimary: 8,
        books,
      })
      expect(r.statusCode, r.body).toBe(201)
      rowIds.push((r.json() as ResourceView).id)
    }
  })

  it('reproduces the worked example from the rows stored: books CV 0.515, never the unweighted one', async () => {
    const stored = await h.db
      .selectFrom('balance_school_resources')
      .select(['pupils_primary', 'books'])
      .where('id', 'in', rowIds)
      .orderBy('id')
      .execute()
    expect(stored.map((r) => [r.pupils_primary, r.books])).toEqual(EXAMPLE.map((x) => [...x]))
    const v = await coefficients(dept, `year=2026&stage=primary&orgUnitId=${city.id}`)
    const county = v.counties.find((c) => c.countyId === a.id)
    const books = county?.basic.indicators.find((i) => i.key === 'books_per_pupil')
    expect(books?.cv).toBeCloseTo(0.515, 3)
    expect(books?.mean).toBeCloseTo(6.334, 3)
    expect(county).toMatchObject({ county: a.name, city: city.name, schools: 5, pupils: 302 })
    expect(v.compositeLimits).toEqual({ primary: 0.65, junior: 0.55 })
  })

  it('leaves a zero-pupil school out with a warning; a county with one school has CV 0', async () => {
    const empty = await h.buildSchool({ countyId: a.id, stage: 'primary' })
    expect(
      (await countyA.post('/api/balance/resources', { schoolId: empty.id, year: 2026, books: 500 }))
        .statusCode,
    ).toBe(201)
    const only = await h.buildSchool({ countyId: b.id, stage: 'primary' })
    const r = await countyB.post('/api/balance/resources', {
      schoolId: only.id,
      year: 2026,
      pupilsPrimary: 400,
      teachersPrimary: 25,
      books: 9000,
      floorArea: 2000,
    })
    expect(r.statusCode, r.body).toBe(201)
    const v = await coefficients(dept, `year=2026&stage=primary&orgUnitId=${city.id}`)
    const inA = v.counties.find((c) => c.countyId === a.id)
    expect(inA?.zeroPupils).toBe(1)
    expect(inA?.basic.indicators.find((i) => i.key === 'books_per_pupil')?.cv).toBeCloseTo(0.515, 3)
    expect(v.warnings).toEqual([
      expect.objectContaining({
        schoolId: empty.id,
        code: 'balance_zero_pupils',
        message: expect.stringContaining('在校生数为 0'),
      }),
    ])
    const inB = v.counties.find((c) => c.countyId === b.id)
    expect(inB?.basic.indicators.map((i) => i.cv)).toEqual(Array(8).fill(0))
    expect(inB?.basic.composite).toBe(0)
  })

  it('splits a nine-year school’s facilities 1 : 1.1 by pupils (hand-checked: 10,400 m² → 6,000 + 4,400)', async () => {
    const nine = await h.buildSchool({ countyId: b.id, stage: 'nine_year' })
    const r = await countyB.post('/api/balance/resources', {
      schoolId: nine.id,
      year: 2026,
      pupilsPrimary: 600,
      pupilsJunior: 400,
      teachersPrimary: 40,
      teachersJunior: 35,
      floorArea: 10_400,
      equipmentFen: 104_000_000,
    })
    expect(r.statusCode, r.body).toBe(201)
    const d = (await countyB.get(`/api/balance/counties/${b.id}?year=2026`)).json() as CountySchoolsView
    const valueIn = (stage: string, key: string) =>
      d.stages.find((s) => s.result.stage === stage)?.schools.find((s) => s.schoolId === nine.id)?.values[key]
    expect(valueIn('primary', 'floor_area_per_pupil')).toBeCloseTo(10, 9) // 6,000 m² / 600
    expect(valueIn('junior', 'floor_area_per_pupil')).toBeCloseTo(11, 9) // 4,400 m² / 400
    expect(valueIn('junior', 'equipment_per_pupil')).toBeCloseTo(1100, 6) // 440,000 yuan / 400
    expect(valueIn('junior', 'teachers_per_pupil')).toBeCloseTo(35 / 400, 12) // teachers not split
    const school = d.stages.find((s) => s.result.stage === 'junior')?.schools[0]
    expect(school?.shortfalls.map((s) => s.name)).toContain('生均教学仪器设备值')
  })

  it('refuses bad rows by field, a second row for the same year, a stale version; voids with a reason', async () => {
    const school = schoolsA[1] as OrgUnit
    let r = await countyA.post('/api/balance/resources', {
      schoolId: school.id,
      year: 2025,
      pupilsPrimary: 100,
      pupilsJunior: 3,
      teachersPrimary: 5,
      qualifiedPrimary: 6,
    })
    expect(r.statusCode).toBe(400)
    expect(errorOf(r).fields).toEqual([
      { field: 'pupilsJunior', message: '该校没有这一学段，应填 0' },
      { field: 'qualifiedPrimary', message: '不能多于该学段专任教师数（5）' },
    ])
    r = await countyA.post('/api/balance/resources', { schoolId: school.id, year: 2027 })
    expect(errorOf(r).fields?.[0]?.field).toBe('year')
    r = await countyA.post('/api/balance/resources', { schoolId: school.id, year: 2026 })
    expect(r.statusCode).toBe(409)
    expect(errorOf(r).code).toBe('balance_row_exists')
    r = await countyA.post('/api/balance/resources', { schoolId: a.id, year: 2026 }, { 'x-lang': 'en' })
    expect(errorOf(r).fields).toEqual([{ field: 'schoolId', message: 'The chosen unit is not a school' }])

    const row = (await countyA.get(`/api/balance/resources/${rowIds[1]}`)).json() as ResourceView
    r = await countyA.patch(`/api/balance/resources/${row.id}`, {
      version: row.version,
      books: 140,
      computers: 3,
    })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ books: 140, computers: 3, version: row.version + 1 })
    r = await countyA.patch(`/api/balance/resources/${row.id}`, { version: row.version, books: 137 })
    expect(r.statusCode).toBe(409)
    expect(errorOf(r).currentVersion).toBe(row.version + 1)
    r = await countyA.patch(`/api/balance/resources/${row.id}`, {
      version: row.version + 1,
      books: 137,
      computers: 0,
    })
    expect(r.statusCode).toBe(200)
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity', '=', 'balance_school_resource')
      .where('entity_id', '=', String(row.id))
      .orderBy('id')
      .execute()
    expect(audit.map((x) => x.action)).toEqual([
      'balance.resource.create',
      'balance.resource.update',
      'balance.resource.update',
    ])
    expect(JSON.parse(audit[1]?.after_json ?? '{}')).toEqual({ books: 140, computers: 3 })

    const extra = await h.buildSchool({ countyId: a.id, stage: 'primary' })
    const made = (
      await countyA.post('/api/balance/resources', {
        schoolId: extra.id,
        year: 2026,
        pupilsPrimary: 500,
        books: 99_999,
      })
    ).json() as ResourceView
    r = await countyA.post(`/api/balance/resources/${made.id}/void`, {
      version: made.version,
      reason: '重复录入',
    })
    expect(r.json()).toMatchObject({ voided: true, voidReason: '重复录入' })
    // The voided row is kept, and no longer counts.
    expect(
      await h.db
        .selectFrom('balance_school_resources')
        .select('voided_at')
        .where('id', '=', made.id)
        .executeTakeFirst(),
    ).toMatchObject({ voided_at: expect.any(String) })
    const v = await coefficients(countyA, 'year=2026&stage=primary')
    expect(v.counties[0]?.basic.indicators.find((i) => i.key === 'books_per_pupil')?.cv).toBeCloseTo(0.515, 3)
  })

  it('keeps each county to its own schools: another county’s rows are 404, lists leave them out', async () => {
    const id = rowIds[0] as number
    expect((await countyB.get(`/api/balance/resources/${id}`)).statusCode).toBe(404)
    expect((await countyB.patch(`/api/balance/resources/${id}`, { version: 1, books: 1 })).statusCode).toBe(
      404,
    )
    expect(
      (await countyB.post(`/api/balance/resources/${id}/void`, { version: 1, reason: '越权' })).statusCode,
    ).toBe(404)
    expect((await countyB.get(`/api/balance/counties/${a.id}`)).statusCode).toBe(404)
    const r = await countyB.post('/api/balance/resources', { schoolId: schoolsA[2]?.id, year: 2025 })
    expect(errorOf(r).fields).toEqual([{ field: 'schoolId', message: '所选单位不在您的管辖范围内' }])
    const list = (await countyB.get('/api/balance/resources?year=2026')).json() as { items: ResourceView[] }
    expect(list.items.length).toBeGreaterThan(0)
    expect(list.items.every((x) => x.county?.id === b.id)).toBe(true)
    expect((await coefficients(countyB, 'year=2026')).counties.every((c) => c.countyId === b.id)).toBe(true)
    // A school enters its own row and sees no other.
    const own = (await schoolUser.get(`/api/balance/resources/${id}`)).json() as ResourceView
    expect(
      (await schoolUser.patch(`/api/balance/resources/${id}`, { version: own.version, note: '校内核对' }))
        .statusCode,
    ).toBe(200)
    expect((await schoolUser.get(`/api/balance/resources/${rowIds[1]}`)).statusCode).toBe(404)
    // Readers without balance.write: 403 before anything else.
    expect(
      (await leader.post('/api/balance/resources', { schoolId: schoolsA[2]?.id, year: 2025 })).statusCode,
    ).toBe(403)
    expect((await leader.get(`/api/balance/resources/${id}`)).statusCode).toBe(200)
  })

  it('warns of a county whose composite CV rose, and turns the warning into one linked problem', async () => {
    // Last year every school of A had the same books and teachers per pupil: composite 0.
    for (const [i, [pupils]] of EXAMPLE.entries()) {
      const r = await countyA.post('/api/balance/resources', {
        schoolId: schoolsA[i]?.id,
        year: 2025,
        pupilsPrimary: pupils,
        teachersPrimary: 10,
        qualifiedPrimary: 8,
        books: pupils * 6,
      })
      expect(r.statusCode, r.body).toBe(201)
    }
    const v = await coefficients(dept, `year=2026&stage=primary&orgUnitId=${city.id}`)
    const inA = v.counties.find((c) => c.countyId === a.id)
    expect(inA?.previousComposite).not.toBeNull()
    expect(inA?.rose).toBe(true)
    expect(inA?.change).toBeGreaterThan(0)
    expect(v.summary.rose).toBe(1)

    const warnings = (await dept.get(`/api/balance/warnings?year=2026&orgUnitId=${city.id}`)).json() as {
      items: WarningView[]
    }
    expect(warnings.items).toEqual([
      expect.objectContaining({ countyId: a.id, stage: 'primary', problem: null }),
    ])
    const categories = await categoryIds(dept)
    const body = { countyId: a.id, year: 2026, stage: 'primary', categoryId: Object.values(categories)[0] }
    expect((await leader.post('/api/balance/warnings/to-problem', body)).statusCode).toBe(403)
    expect((await countyB.post('/api/balance/warnings/to-problem', body)).statusCode).toBe(404)
    let r = await dept.post('/api/balance/warnings/to-problem', body)
    expect(r.statusCode, r.body).toBe(201)
    const made = r.json() as WarningView
    const problem = await h.db
      .selectFrom('rectification_problems')
      .selectAll()
      .where('id', '=', made.problem?.id ?? 0)
      .executeTakeFirstOrThrow()
    expect(problem).toMatchObject({ source: 'balance_warning', responsible_unit_id: a.id, status: 'open' })
    expect(problem.description).toContain(`${a.name}2026年小学基本均衡综合差异系数由`)
    r = await dept.post('/api/balance/warnings/to-problem', body)
    expect(r.statusCode).toBe(409)
    expect(errorOf(r).code).toBe('balance_warning_converted')
    r = await dept.post('/api/balance/warnings/to-problem', { ...body, countyId: b.id })
    expect(errorOf(r).code).toBe('balance_no_warning')
    const again = (await countyA.get('/api/balance/warnings?year=2026')).json() as { items: WarningView[] }
    expect(again.items[0]?.problem).toMatchObject({ id: made.problem?.id, status: 'open' })

    // The registry's figures say the same.
    const s = { ...h.services, db: h.db }
    const q = { from: '2026-01-01', to: '2026-12-31', orgUnitId: city.id, scopePath: city.path }
    expect((await computeFigure(s, 'balance.counties_composite_rose', q)).value).toBe(1)
    expect((await computeFigure(s, 'balance.counties_composite_rose_junior', q)).value).toBe(0)
    const cv = await computeFigure(s, 'balance.composite_cv_primary', {
      ...q,
      orgUnitId: a.id,
      scopePath: a.path,
    })
    expect(cv.value).toBeCloseTo(inA?.basic.composite ?? -1, 12)
    expect(cv.changedAt).toEqual(expect.any(String))
    expect((await computeFigure(s, 'balance.composite_cv_primary', q)).value).toBeNull()
  })
})

forEachDatabase('balance: preschool and settings', (h) => {
  let county: OrgUnit
  let c: Client
  beforeAll(async () => {
    county = await h.buildCounty()
    const u = await h.buildUser({ role: 'county', orgUnitId: county.id })
    c = await h.loginAs(u.username, u.password)
  })

  it('counts coverage and public share as shares of children, not of kindergartens', async () => {
    const kinds = [
      ['public', false, 100, 20],
      ['private', true, 50, 30],
      ['private', false, 50, 0],
      ['private', false, 0, 0],
    ] as const
    for (const [ownership, inclusive, children, places] of kinds) {
      const kg = await h.buildSchool({
        countyId: county.id,
        kind: 'kindergarten',
        stage: null,
        ownership,
        inclusive,
      })
      const r = await c.post('/api/balance/kindergartens', {
        kindergartenId: kg.id,
        year: 2026,
        children,
        newInclusivePlaces: places,
      })
      expect(r.statusCode, r.body).toBe(201)
    }
    const p = (await c.get('/api/balance/preschool?year=2026')).json()
    // 4 kindergartens, 2 of them inclusive (50 %), but 150 of 200 children (75 %).
    expect(p.total).toMatchObject({
      kindergartens: 4,
      children: 200,
      coverage: 75,
      publicShare: 50,
      newInclusivePlaces: 50,
    })
    const s = { ...h.services, db: h.db }
    const q = { from: '2026-01-01', to: '2026-12-31', orgUnitId: county.id, scopePath: county.path }
    expect((await computeFigure(s, 'balance.preschool_inclusive_coverage', q)).value).toBe(75)
    expect((await computeFigure(s, 'balance.new_inclusive_places', { ...q, from: '2025-01-01' })).value).toBe(
      50,
    )
    const school = await h.buildSchool({ countyId: county.id })
    const r = await c.post('/api/balance/kindergartens', {
      kindergartenId: school.id,
      year: 2026,
      children: 1,
    })
    expect(errorOf(r).fields?.[0]).toMatchObject({ field: 'kindergartenId', message: '所选单位不是幼儿园' })
  })

  describe('settings', () => {
    it('reads the default thresholds; departments change them with a version, counties may not; pass/fail follows', async () => {
      const s = (await c.get('/api/balance/settings')).json()
      expect(s).toEqual({
        version: 1,
        compositeLimits: { primary: 0.65, junior: 0.55 },
        qualityLimits: { primary: 0.5, junior: 0.45 },
      })
      // Two schools, books 1 and 9 per pupil: books CV 0.8, the other seven 0, composite 0.1.
      for (const books of [100, 900]) {
        const school = await h.buildSchool({ countyId: county.id, stage: 'primary' })
        const r = await c.post('/api/balance/resources', {
          schoolId: school.id,
          year: 2026,
          pupilsPrimary: 100,
          books,
        })
        expect(r.statusCode, r.body).toBe(201)
      }
      const basic = async () =>
        ((await c.get('/api/balance/coefficients?year=2026&stage=primary')).json() as CoefficientsView)
          .counties[0]?.basic
      expect(await basic()).toMatchObject({ composite: 0.1, limit: 0.65, pass: true })
      const body = { version: 1, compositeLimits: { primary: 0.05, junior: 0.5 } }
      expect((await c.patch('/api/balance/settings', body)).statusCode).toBe(403)
      const u = await h.buildUser({ role: 'department', orgUnitId: (await h.root()).id })
      const dept = await h.loginAs(u.username, u.password)
      let r = await dept.patch('/api/balance/settings', body)
      expect(r.json()).toMatchObject({ version: 2, compositeLimits: { primary: 0.05, junior: 0.5 } })
      r = await dept.patch('/api/balance/settings', body)
      expect(r.statusCode).toBe(409)
      expect(await basic()).toMatchObject({ limit: 0.05, pass: false })
    })
  })
})
