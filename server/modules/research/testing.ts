/** Shared by this module's tests: the people and campaign of a test world, and topic helpers. */
import { expect } from 'vitest'
import type { Client, Harness } from '../../../tests/harness.js'
import { categoryIds } from '../rectification/testing.js'
import type { CampaignView } from '../supervision/schema.js'
import type { TopicDetail } from './schema.js'

export interface World {
  heping: Client
  shenhe: Client
  leader: Client
  dept: Client
  school: Client
  auditor: Client
  expert: Client
  hepingId: number
  shenheId: number
  schoolId: number
  campaign: CampaignView
  categories: Record<string, number>
}

/** The city demo's users, a 沈河区 county user, and a 和平区 campaign with two aspects. */
export async function setUpWorld(h: Harness, campaignName: string): Promise<World> {
  const heping = await h.loginAs('county_heping')
  const hepingId = (await h.unitByName('和平区')).id
  const shenheId = (await h.unitByName('沈河区')).id
  const u = await h.buildUser({ role: 'county', orgUnitId: shenheId })
  const school = await h.loginAs('school_demo')
  const r = await heping.post('/api/supervision/campaigns', {
    name: campaignName,
    kind: 'theme',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    aspects: [{ name: '教育发展' }, { name: '民生关切' }],
  })
  expect(r.statusCode, r.body).toBe(201)
  return {
    heping,
    shenhe: await h.loginAs(u.username, u.password),
    leader: await h.loginAs('leader'),
    dept: await h.loginAs('dept_gaojiao'),
    school,
    auditor: await h.loginAs('auditor_demo'),
    expert: await h.loginAs('expert_demo'),
    hepingId,
    shenheId,
    schoolId: school.user.orgUnitId,
    campaign: r.json(),
    categories: await categoryIds(heping),
  }
}

export function topicBody(w: World, extra: Record<string, unknown> = {}) {
  return {
    title: `课题${Math.random().toString(36).slice(2, 8)}`,
    campaignId: w.campaign.id,
    aspectId: w.campaign.aspects[0]?.id,
    leaderName: '王副局长',
    startsOn: '2026-03-01',
    endsOn: '2026-12-31',
    plannedUnitIds: [w.schoolId],
    ...extra,
  }
}

export async function newTopic(
  w: World,
  extra: Record<string, unknown> = {},
  c?: Client,
): Promise<TopicDetail> {
  const r = await (c ?? w.heping).post('/api/research/topics', topicBody(w, extra))
  expect(r.statusCode, r.body).toBe(201)
  return r.json()
}

export const act = (
  c: Client,
  t: { id: number; version: number },
  action: string,
  extra: Record<string, unknown> = {},
) => c.post(`/api/research/topics/${t.id}/actions`, { version: t.version, action, ...extra })

export const visit = (c: Client, t: { id: number }, orgUnitId: number, visitedOn = '2026-11-20') =>
  c.post(`/api/research/topics/${t.id}/visits`, { visitedOn, orgUnitId, participants: '王副局长、李科长' })

export async function getTopic(c: Client, id: number): Promise<TopicDetail> {
  const r = await c.get(`/api/research/topics/${id}`)
  expect(r.statusCode, r.body).toBe(200)
  return r.json()
}

/** A topic in progress (one visit to the school) with one finding. */
export async function topicWithFinding(w: World, text = '部分学校课后服务课程单一'): Promise<TopicDetail> {
  const t = await newTopic(w)
  expect((await visit(w.heping, t, w.schoolId)).statusCode).toBe(201)
  const r = await w.heping.post(`/api/research/topics/${t.id}/findings`, {
    text,
    categoryId: Object.values(w.categories)[0],
    responsibleUnitId: w.schoolId,
    foundOn: '2026-11-20',
  })
  expect(r.statusCode, r.body).toBe(201)
  return r.json()
}
