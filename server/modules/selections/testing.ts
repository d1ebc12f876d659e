/** Shared by this module's tests: the city demo's people, expert accounts, and programme helpers. */
import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import type { Client, Harness, Response } from '../../../tests/harness.js'
import { DEMO_REPORT_PDF } from '../research/demo.js'

export interface World {
  dept: Client
  leader: Client
  heping: Client
  school: Client
  auditor: Client
  admin: Client
  hepingId: number
  schoolId: number
  /** Three more 和平区 schools, for the county to apply on behalf of. */
  schools: { id: number; name: string }[]
  /** Expert accounts (role expert) and their clients. */
  experts: { userId: number; client: Client }[]
}

export async function setUpWorld(h: Harness, experts = 5): Promise<World> {
  const heping = await h.loginAs('county_heping')
  const hepingId = (await h.unitByName('和平区')).id
  const school = await h.loginAs('school_demo')
  const schools = []
  for (let i = 0; i < 3; i++) {
    const s = await h.buildSchool({
      countyId: hepingId,
      name: `遴选测试${randomBytes(3).toString('hex')}中学`,
    })
    schools.push({ id: s.id, name: s.name })
  }
  const list = []
  for (let i = 0; i < experts; i++) {
    const u = await h.buildUser({ role: 'expert' })
    list.push({ userId: u.id, client: await h.loginAs(u.username, u.password) })
  }
  // The demo's pool would join every draw: these tests start from an empty pool.
  const dept = await h.loginAs('dept_gaojiao')
  for (const e of ok(await dept.get('/api/selections/experts')).items)
    ok(
      await dept.post(`/api/selections/experts/${e.id}/void`, {
        version: e.version,
        reason: '测试前清空专家库',
      }),
    )
  return {
    dept,
    leader: await h.loginAs('leader'),
    heping,
    school,
    auditor: await h.loginAs('auditor_demo'),
    admin: await h.admin(),
    hepingId,
    schoolId: school.user.orgUnitId,
    schools,
    experts: list,
  }
}

/** 办学条件 40 (实训场地 25 on 0–10, 双师型教师 15 on 0–5), 育人成效 35 (0–35), 校企合作 25 (0–100). */
export const RUBRIC = [
  {
    key: 'conditions',
    title: '办学条件',
    weight: 40,
    children: [
      { key: 'space', title: '实训场地', weight: 25, maxScore: 10 },
      { key: 'teachers', title: '双师型教师', weight: 15, maxScore: 5 },
    ],
  },
  { key: 'outcomes', title: '育人成效', weight: 35, maxScore: 35 },
  { key: 'cooperation', title: '校企合作', weight: 25, maxScore: 100 },
]

/** One leaf of 100 points: an expert's score is his total. */
export const ONE_LEAF = [{ key: 'overall', title: '综合评价', weight: 100, maxScore: 100 }]

export function ok(r: Response, status = 200) {
  expect(r.statusCode, r.body).toBe(status)
  return r.json()
}

export async function newRubric(w: World, criteria: unknown = RUBRIC, name = '创新创业学院评审细则') {
  return ok(await w.dept.post('/api/selections/rubrics', { name, criteria }), 201) as {
    id: number
    version: number
  }
}

export function programmeBody(rubricId: number, extra: Record<string, unknown> = {}) {
  return {
    name: `市级创新创业学院遴选${randomBytes(2).toString('hex')}`,
    kind: 'selection',
    batch: '第二批',
    quota: 2,
    eligibleKinds: ['school', 'university'],
    opensOn: '2026-11-01',
    closesOn: '2026-12-10',
    materials: ['申报书'],
    rubricId,
    expertsPerApplication: 2,
    aggregation: 'mean',
    dispersionMargin: 10,
    ...extra,
  }
}

export const act = (
  c: Client,
  p: { id: number; version: number },
  action: string,
  extra: Record<string, unknown> = {},
) => c.post(`/api/selections/programmes/${p.id}/actions`, { version: p.version, action, ...extra })

/** A programme created and opened by the department. */
export async function openProgramme(w: World, rubricId: number, extra: Record<string, unknown> = {}) {
  const p = ok(await w.dept.post('/api/selections/programmes', programmeBody(rubricId, extra)), 201)
  return ok(await act(w.dept, p, 'open'))
}

/** Uploads a material (a one-page PDF) filed under `material`. */
export function uploadMaterial(c: Client, applicationId: number, material: string, filename = '申报书.pdf') {
  const boundary = `----sel-${randomBytes(6).toString('hex')}`
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="material"\r\n\r\n${material}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    DEMO_REPORT_PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return c.request({
    method: 'POST',
    url: `/api/selections/applications/${applicationId}/attachments`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
}

/** Applies (as `c`, for `unitId` when given), uploads 申报书 and submits. */
export async function applyAndSubmit(
  c: Client,
  programmeId: number,
  body: Record<string, unknown>,
  filename = '申报书.pdf',
) {
  const a = ok(
    await c.post(`/api/selections/programmes/${programmeId}/applications`, { title: '申报', ...body }),
    201,
  )
  const withFile = ok(await uploadMaterial(c, a.id, '申报书', filename), 201)
  return ok(await c.post(`/api/selections/applications/${a.id}/submit`, { version: withFile.version }))
}

/** Adds an expert account to the department's pool. */
export async function poolExpert(w: World, userId: number, extra: Record<string, unknown> = {}) {
  return ok(
    await w.dept.post('/api/selections/experts', {
      userId,
      name: `专家${userId}`,
      fields: ['创新创业'],
      ...extra,
    }),
    201,
  ) as { id: number }
}

/** Saves and submits one expert's scores on one assignment. */
export async function score(c: Client, assignmentId: number, scores: Record<string, number>) {
  const r = ok(await c.get(`/api/selections/reviews/${assignmentId}`))
  const saved = ok(await c.put(`/api/selections/reviews/${assignmentId}`, { version: r.version, scores }))
  return ok(await c.post(`/api/selections/reviews/${assignmentId}/submit`, { version: saved.version }))
}

export async function programme(c: Client, id: number) {
  return ok(await c.get(`/api/selections/programmes/${id}`))
}

export function expertClient(w: World, i: number): Client {
  const c = w.experts[i]?.client
  if (!c) throw new Error(`no expert ${i}`)
  return c
}
