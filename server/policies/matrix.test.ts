/**
 * The route × role × scope matrix. Every route the app registers must have a row here (a new route
 * without one fails the first test); each row says what every role gets, and the requests are made
 * against the city demo: the county user is 和平区's, the school user a 和平区 primary school's.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  type Client,
  DEFAULT_PASSWORD,
  DEMO_PASSWORD,
  errorOf,
  forEachDatabase,
  type Harness,
  multipartFile,
  type Response,
} from '../../tests/harness.js'
import type { App } from '../http/module.js'
import type { OrgUnit } from '../modules/org/schema.js'
import { renderReport } from '../modules/reports/render.js'
import { createTemplate } from '../modules/reports/templates.js'
import { addTerm } from '../modules/reports/terms.js'
import { type SelectionsWorld, selectionsWorld } from '../modules/selections/matrix-world.js'
import type { UserView } from '../modules/users/schema.js'
import { readWorkbook } from '../spreadsheet/read.js'

const ROLES = ['admin', 'leader', 'department', 'county', 'school', 'expert', 'auditor', 'anonymous'] as const
type Who = (typeof ROLES)[number]
type Expected = Record<Who, number>

const DEMO_USER: Record<Exclude<Who, 'admin' | 'anonymous'>, string> = {
  leader: 'leader',
  department: 'dept_gaojiao',
  county: 'county_heping',
  school: 'school_demo',
  expert: 'expert_demo',
  auditor: 'auditor_demo',
}

/** `ok` for the roles listed, `denied` for the other signed-in roles, 401 for anonymous. */
function only(roles: Who[], ok: number, denied = 403, anonymous = 401): Expected {
  const e = Object.fromEntries(ROLES.map((r) => [r, roles.includes(r) ? ok : denied])) as Expected
  e.anonymous = anonymous
  return e
}
const everyone = (status: number): Expected => Object.fromEntries(ROLES.map((r) => [r, status])) as Expected
const signedIn = (status: number) =>
  only(
    ROLES.filter((r) => r !== 'anonymous'),
    status,
  )
const READERS: Who[] = ['admin', 'leader', 'department', 'county', 'school', 'auditor']
const WRITERS: Who[] = ['admin', 'county']
const PETITION_READERS: Who[] = ['admin', 'leader', 'department', 'county', 'school', 'auditor']
const PETITION_WRITERS: Who[] = ['department', 'county']
const PETITION_CONFIG: Who[] = ['admin', 'department']

/** A 和平区 case as the petition office registers it. */
function caseBody(w: World) {
  return {
    receivedOn: '2026-11-20',
    channel: 'phone',
    kind: 'claim',
    petitioners: [{ name: '矩阵甲' }],
    categoryId: w.taxonomy.categoryId,
    demandId: w.taxonomy.demandId,
    orgUnitId: w.heping.id,
    level: 'county',
    responsibleUnitId: w.heping.id,
  }
}

interface Req {
  url: string
  payload?: unknown
  multipart?: Buffer
}

/** Data the rows act on, made once per database. */
interface World
  extends SupervisionWorld,
    RectificationWorld,
    ResearchWorld,
    StatisticsWorld,
    IndicatorsWorld,
    BalanceWorld,
    ReportsWorld,
    SelectionsWorld {
  /** A 和平区 case (the county user's), its taxonomy, and a way to get a fresh one. */
  hepingCase: { id: number; version: number }
  taxonomy: { categoryId: number; demandId: number; categoryVersion: number }
  freshCase(): Promise<{ id: number; version: number }>
  caseVersion(id: number): Promise<number>
  campaignId: number
  planId: number
  planVersion(): Promise<number>
  categoryVersion(): Promise<number>
  freshCategory(): Promise<{ id: number; version: number }>
  petitionFile: Buffer
  heping: OrgUnit
  hepingSchool: OrgUnit
  city: OrgUnit
  adminJob: number
  adminFailedJob: number
  target: UserView
  template: Buffer
  fresh(): Promise<OrgUnit>
  freshUser(): Promise<UserView>
  version(id: number): Promise<number>
  userVersion(id: number): Promise<number>
}

interface Row {
  expect: Expected
  request(w: World, who: Who): Promise<Req> | Req
  /** Needs its own session (it ends the one it runs in). */
  ownSession?: boolean
}

let n = 0
const unique = () => `${Date.now() % 100000}${++n}`

const TASK_READERS: Who[] = ['admin', 'leader', 'department', 'county', 'school', 'auditor']
const TASK_WRITERS: Who[] = ['department', 'county']

interface SupervisionWorld {
  /** A campaign run by 和平区 (made by county_heping), and its one aspect. */
  supCampaign: { id: number; aspectId: number }
  supCampaignVersion(): Promise<number>
  /** Another 和平区 campaign with no tasks, for void. */
  freshSupCampaign(): Promise<{ id: number; version: number }>
  /** A 和平区 task with no co-units (the school does not see it), overdue on the fixed clock. */
  supTask: { id: number }
  freshTask(): Promise<{ id: number; version: number }>
  freshMilestone(): Promise<{ id: number; version: number }>
  /** A pending extension request on a fresh task. */
  freshExtension(): Promise<number>
  /** A notice addressed to 和平区, issued by the leader. */
  notice: { id: number }
  taskFile: Buffer
  /** A file attached to a progress note of supTask. */
  noteFile: { id: number; noteId: number }
  freshNoteFile(): Promise<number>
}

/** A campaign, tasks, milestones, extensions and a notice for the supervision rows, made by 和平区's county user. */
async function supervisionWorld(h: Harness, heping: OrgUnit): Promise<SupervisionWorld> {
  const county = await h.loginAs('county_heping', DEMO_PASSWORD)
  const leader = await h.loginAs('leader', DEMO_PASSWORD)
  const ok = (r: Response, status: number) => {
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`)
    return r.json()
  }
  const newCampaign = async (name: string) =>
    ok(
      await county.post('/api/supervision/campaigns', {
        name,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        aspects: [{ name: '方面' }],
      }),
      201,
    ) as { id: number; version: number; aspects: { id: number }[] }
  const campaign = await newCampaign('矩阵行动')
  const aspectId = campaign.aspects[0]?.id as number
  const newTask = async (deadline: string) => {
    const d = ok(
      await county.post('/api/supervision/tasks', {
        campaignId: campaign.id,
        aspectId,
        title: `矩阵任务${unique()}`,
        leadUnitId: heping.id,
        startsOn: '2026-03-01',
        deadline,
      }),
      201,
    ) as { id: number; version: number }
    return { id: d.id, version: d.version }
  }
  const freshTask = () => newTask('2026-12-20')
  const task = await newTask('2026-11-20')
  const notice = ok(await leader.post('/api/supervision/notices', { unitId: heping.id }), 201) as {
    id: number
  }
  const note = ok(
    await county.post(`/api/supervision/tasks/${task.id}/progress`, { on: '2026-11-26', text: '矩阵' }),
    201,
  ) as { notes: { id: number }[] }
  const noteId = note.notes[0]?.id as number
  const attach = async () => {
    const r = await county.request({
      method: 'POST',
      url: `/api/supervision/progress/${noteId}/attachments`,
      ...multipartFile('会议纪要.pdf', PDF, 'application/pdf'),
    })
    const d = ok(r, 201) as { notes: { id: number; attachments: { id: number }[] }[] }
    return d.notes.find((n) => n.id === noteId)?.attachments.at(-1)?.id as number
  }
  const noteFile = { id: await attach(), noteId }
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('重点工作任务')
  ws.addRow(['所属活动', '方面', '任务名称', '牵头单位', '配合单位', '责任领导', '开始日期', '完成时限'])
  ws.addRow(['矩阵行动', '方面', `矩阵导入${unique()}`, '和平区', '', '', '2026-03-01', '2026-12-31'])
  return {
    supCampaign: { id: campaign.id, aspectId },
    supCampaignVersion: async () =>
      (ok(await county.get(`/api/supervision/campaigns/${campaign.id}`), 200) as { version: number }).version,
    freshSupCampaign: async () => {
      const c = await newCampaign(`矩阵作废${unique()}`)
      return { id: c.id, version: c.version }
    },
    supTask: { id: task.id },
    noteFile,
    freshNoteFile: attach,
    freshTask,
    freshMilestone: async () => {
      const t = await freshTask()
      const d = ok(
        await county.post(`/api/supervision/tasks/${t.id}/milestones`, {
          title: '节点',
          dueOn: '2026-12-01',
          weight: 1,
        }),
        201,
      ) as { milestones: { id: number; version: number }[] }
      const m = d.milestones[0] as { id: number; version: number }
      return { id: m.id, version: m.version }
    },
    freshExtension: async () => {
      const t = await freshTask()
      return (
        ok(
          await county.post(`/api/supervision/tasks/${t.id}/extensions`, {
            requestedDeadline: '2027-01-31',
            reason: '矩阵',
          }),
          201,
        ) as { id: number }
      ).id
    },
    notice: { id: notice.id },
    taskFile: Buffer.from(await wb.xlsx.writeBuffer()),
  }
}

const SUPERVISION_MATRIX: Record<string, Row> = {
  'GET /api/supervision/campaigns': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/supervision/campaigns' }),
  },
  'POST /api/supervision/campaigns': {
    expect: only(TASK_WRITERS, 201),
    request: () => ({
      url: '/api/supervision/campaigns',
      payload: {
        name: `矩阵行动${unique()}`,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        aspects: [{ name: '方面' }],
      },
    }),
  },
  // 和平区's campaign: the school sees its county's campaigns.
  'GET /api/supervision/campaigns/:id': {
    expect: only(TASK_READERS, 200),
    request: (w) => ({ url: `/api/supervision/campaigns/${w.supCampaign.id}` }),
  },
  'PATCH /api/supervision/campaigns/:id': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => ({
      url: `/api/supervision/campaigns/${w.supCampaign.id}`,
      payload: { version: await w.supCampaignVersion(), description: `矩阵${n++}` },
    }),
  },
  'POST /api/supervision/campaigns/:id/void': {
    expect: only(TASK_WRITERS, 204),
    request: async (w) => {
      const c = await w.freshSupCampaign()
      return {
        url: `/api/supervision/campaigns/${c.id}/void`,
        payload: { version: c.version, reason: '矩阵' },
      }
    },
  },
  'GET /api/supervision/tasks': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/supervision/tasks?pageSize=5' }),
  },
  'GET /api/supervision/tasks/export.xlsx': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/supervision/tasks/export.xlsx?status=not_started' }),
  },
  'POST /api/supervision/tasks': {
    expect: only(TASK_WRITERS, 201),
    request: (w) => ({
      url: '/api/supervision/tasks',
      payload: {
        campaignId: w.supCampaign.id,
        aspectId: w.supCampaign.aspectId,
        title: `矩阵任务${unique()}`,
        leadUnitId: w.heping.id,
        startsOn: '2026-03-01',
        deadline: '2026-12-20',
      },
    }),
  },
  // A 和平区 task with no co-units: not the school's, so it does not exist for him.
  'GET /api/supervision/tasks/:id': {
    expect: { ...only(TASK_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/supervision/tasks/${w.supTask.id}` }),
  },
  'PATCH /api/supervision/tasks/:id': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => {
      const t = await w.freshTask()
      return { url: `/api/supervision/tasks/${t.id}`, payload: { version: t.version, leader: '矩阵' } }
    },
  },
  'POST /api/supervision/tasks/:id/void': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => {
      const t = await w.freshTask()
      return { url: `/api/supervision/tasks/${t.id}/void`, payload: { version: t.version, reason: '矩阵' } }
    },
  },
  'POST /api/supervision/tasks/:id/actions': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => {
      const t = await w.freshTask()
      return {
        url: `/api/supervision/tasks/${t.id}/actions`,
        payload: { version: t.version, action: 'start' },
      }
    },
  },
  'POST /api/supervision/tasks/:id/progress': {
    expect: only(TASK_WRITERS, 201),
    request: async (w) => {
      const t = await w.freshTask()
      return {
        url: `/api/supervision/tasks/${t.id}/progress`,
        payload: { on: '2026-11-26', text: '矩阵', percent: 10 },
      }
    },
  },
  'POST /api/supervision/progress/:id/attachments': {
    expect: only(TASK_WRITERS, 201),
    request: (w) => ({
      url: `/api/supervision/progress/${w.noteFile.noteId}/attachments`,
      multipart: w.xlsx,
    }),
  },
  // Shared attachment routes, exercised on a progress note's file (the task is 和平区's, no co-units).
  'GET /api/attachments/:id': {
    expect: { ...only(TASK_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/attachments/${w.noteFile.id}` }),
  },
  'POST /api/attachments/:id/void': {
    expect: { ...only(TASK_WRITERS, 200), school: 404 },
    request: async (w) => ({
      url: `/api/attachments/${await w.freshNoteFile()}/void`,
      payload: { reason: '矩阵' },
    }),
  },
  'POST /api/supervision/tasks/:id/milestones': {
    expect: only(TASK_WRITERS, 201),
    request: async (w) => {
      const t = await w.freshTask()
      return {
        url: `/api/supervision/tasks/${t.id}/milestones`,
        payload: { title: '矩阵节点', dueOn: '2026-12-01', weight: 1 },
      }
    },
  },
  'PATCH /api/supervision/milestones/:id': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => {
      const m = await w.freshMilestone()
      return {
        url: `/api/supervision/milestones/${m.id}`,
        payload: { version: m.version, doneOn: '2026-11-26' },
      }
    },
  },
  'POST /api/supervision/milestones/:id/void': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => {
      const m = await w.freshMilestone()
      return {
        url: `/api/supervision/milestones/${m.id}/void`,
        payload: { version: m.version, reason: '矩阵' },
      }
    },
  },
  'GET /api/supervision/tasks/:id/occurrences': {
    expect: { ...only(TASK_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/supervision/tasks/${w.supTask.id}/occurrences` }),
  },
  'POST /api/supervision/tasks/:id/extensions': {
    expect: only(TASK_WRITERS, 201),
    request: async (w) => {
      const t = await w.freshTask()
      return {
        url: `/api/supervision/tasks/${t.id}/extensions`,
        payload: { requestedDeadline: '2027-01-31', reason: '矩阵' },
      }
    },
  },
  'GET /api/supervision/extensions': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/supervision/extensions?status=pending' }),
  },
  // Deciding an extension, issuing a notice and changing the settings are the leader's.
  'POST /api/supervision/extensions/:id/decide': {
    expect: only(['leader'], 200),
    request: async (w) => ({
      url: `/api/supervision/extensions/${await w.freshExtension()}/decide`,
      payload: { decision: 'approve' },
    }),
  },
  'GET /api/supervision/overdue': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/supervision/overdue' }),
  },
  'GET /api/supervision/notices': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/supervision/notices' }),
  },
  'POST /api/supervision/notices': {
    expect: only(['leader'], 201),
    request: (w) => ({ url: '/api/supervision/notices', payload: { unitId: w.heping.id } }),
  },
  // Addressed to 和平区: not the school's.
  'GET /api/supervision/notices/:id': {
    expect: { ...only(TASK_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/supervision/notices/${w.notice.id}` }),
  },
  'GET /api/supervision/digest': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/supervision/digest' }),
  },
  'GET /api/supervision/changes': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/supervision/changes?since=2026-11-01' }),
  },
  'GET /api/supervision/figures': {
    expect: only(TASK_READERS, 200),
    request: (w) => ({ url: `/api/supervision/figures?campaignId=${w.supCampaign.id}` }),
  },
  'GET /api/supervision/settings': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/supervision/settings' }),
  },
  'PATCH /api/supervision/settings': {
    expect: only(['leader'], 200),
    request: () => ({ url: '/api/supervision/settings', payload: { dueSoonDays: 7 } }),
  },
  'GET /api/supervision/import-template.xlsx': {
    expect: only(TASK_WRITERS, 200),
    request: () => ({ url: '/api/supervision/import-template.xlsx' }),
  },
  'POST /api/supervision/import': {
    expect: only(TASK_WRITERS, 202),
    request: (w) => ({ url: '/api/supervision/import', multipart: w.taskFile }),
  },
}

const PROBLEM_READERS: Who[] = ['admin', 'leader', 'department', 'county', 'school', 'auditor']
const PROBLEM_WRITERS: Who[] = ['department', 'county']
const PROBLEM_SIGNERS: Who[] = ['leader', 'department']
const ETHICS_READERS: Who[] = ['admin', 'leader', 'department', 'county', 'auditor']
const ETHICS_WRITERS: Who[] = ['department', 'county']

interface RectificationWorld {
  /** A 和平区 (county-level) problem recorded by county_heping, with one evidence file. */
  problem: { id: number; evidenceId: number }
  /** A new open 和平区 problem with one measure, for rows that change it. */
  freshProblem(): Promise<{ id: number; version: number; measureId: number; measureVersion: number }>
  /** A new 和平区 problem recorded by county_heping, rectified, with evidence: ready for sign-off. */
  freshRectified(): Promise<{ id: number; version: number }>
  freshEvidence(): Promise<number>
  freshProblemCategory(): Promise<{ id: number; version: number }>
  problemCategoryId: number
  /** A case at a 和平区 school that is not school_demo's, recorded by county_heping; one published. */
  ethicsCase: { id: number }
  publishedCase: { id: number }
  freshEthicsCase(): Promise<{ id: number; version: number }>
  freshViolationType(): Promise<{ id: number; version: number }>
  violationTypeId: number
  /** A real .xlsx (the matrix uploads every multipart file as 组织机构.xlsx): accepted as evidence. */
  xlsx: Buffer
}

interface ResearchWorld {
  /** A 和平区 topic (made by county_heping, owner 和平区), in progress (one visit to 和平区). */
  topic: { id: number }
  /** A new planned 和平区 topic, for rows that change it. */
  freshTopic(): Promise<{ id: number; version: number }>
  /** A live visit of a fresh topic. */
  freshVisit(): Promise<number>
  /** A live, unconverted finding of a fresh topic. */
  freshFinding(): Promise<{ id: number; version: number }>
  /** A problem made by converting a finding of `topic` (as county_heping). */
  researchProblem: { id: number }
  topicFile: Buffer
}

/** Research topics for the research rows, made by 和平区's county user in the supervision campaign. */
async function researchWorld(
  h: Harness,
  heping: OrgUnit,
  campaign: { id: number; aspectId: number },
): Promise<ResearchWorld> {
  const county = await h.loginAs('county_heping', DEMO_PASSWORD)
  const ok = (r: Response, status: number) => {
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`)
    return r.json()
  }
  const categoryId = (ok(await county.get('/api/rectification/categories'), 200).items as { id: number }[])[0]
    ?.id as number
  const freshTopic = async () =>
    ok(
      await county.post('/api/research/topics', {
        title: `矩阵课题${unique()}`,
        campaignId: campaign.id,
        aspectId: campaign.aspectId,
        startsOn: '2026-03-01',
        endsOn: '2026-12-31',
      }),
      201,
    ) as { id: number; version: number }
  const visited = async () => {
    const t = await freshTopic()
    return ok(
      await county.post(`/api/research/topics/${t.id}/visits`, {
        visitedOn: '2026-11-20',
        orgUnitId: heping.id,
      }),
      201,
    ) as { id: number; version: number; visits: { id: number }[] }
  }
  const freshFinding = async () => {
    const t = await visited()
    const d = ok(
      await county.post(`/api/research/topics/${t.id}/findings`, {
        text: '矩阵发现的问题',
        categoryId,
        responsibleUnitId: heping.id,
      }),
      201,
    ) as { findings: { id: number; version: number }[] }
    return d.findings[0] as { id: number; version: number }
  }
  const topic = await visited()
  const f = await freshFinding()
  const converted = ok(
    await county.post(`/api/research/findings/${f.id}/to-problem`, { version: f.version }),
    201,
  ) as { findings: { problem: { id: number } | null }[] }
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('调研课题')
  ws.addRow(['课题编号', '课题名称', '所属活动', '方面', '牵头单位', '计划开始', '计划完成'])
  ws.addRow([`JZ-${unique()}`, '矩阵导入课题', '矩阵行动', '方面', '和平区', '2026-03-01', '2026-12-31'])
  return {
    topic,
    freshTopic,
    freshVisit: async () => (await visited()).visits[0]?.id as number,
    freshFinding,
    researchProblem: converted.findings[0]?.problem as { id: number },
    topicFile: Buffer.from(await wb.xlsx.writeBuffer()),
  }
}

const RESEARCH_MATRIX: Record<string, Row> = {
  'GET /api/research/topics': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/research/topics?pageSize=5' }),
  },
  'GET /api/research/topics/export.xlsx': {
    expect: only(TASK_READERS, 200),
    request: () => ({ url: '/api/research/topics/export.xlsx?status=planned' }),
  },
  'POST /api/research/topics': {
    expect: only(TASK_WRITERS, 201),
    request: (w) => ({
      url: '/api/research/topics',
      payload: {
        title: `矩阵课题${unique()}`,
        campaignId: w.supCampaign.id,
        aspectId: w.supCampaign.aspectId,
        ownerUnitId: w.heping.id,
        startsOn: '2026-03-01',
        endsOn: '2026-12-31',
        plannedUnitIds: [w.heping.id],
      },
    }),
  },
  // Owned by 和平区: the school below it does not see it (the owner decides, not the places visited).
  'GET /api/research/topics/:id': {
    expect: { ...only(TASK_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/research/topics/${w.topic.id}` }),
  },
  'PATCH /api/research/topics/:id': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => {
      const t = await w.freshTopic()
      return { url: `/api/research/topics/${t.id}`, payload: { version: t.version, title: '矩阵改名' } }
    },
  },
  'POST /api/research/topics/:id/void': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => {
      const t = await w.freshTopic()
      return { url: `/api/research/topics/${t.id}/void`, payload: { version: t.version, reason: '矩阵' } }
    },
  },
  'POST /api/research/topics/:id/actions': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => {
      const t = await w.freshTopic()
      return { url: `/api/research/topics/${t.id}/actions`, payload: { version: t.version, action: 'start' } }
    },
  },
  // The matrix's upload is an .xlsx: an accepted attachment type.
  'POST /api/research/topics/:id/attachments': {
    expect: only(TASK_WRITERS, 201),
    request: async (w) => ({
      url: `/api/research/topics/${(await w.freshTopic()).id}/attachments`,
      multipart: w.xlsx,
    }),
  },
  'POST /api/research/topics/:id/visits': {
    expect: only(TASK_WRITERS, 201),
    request: async (w) => ({
      url: `/api/research/topics/${(await w.freshTopic()).id}/visits`,
      payload: { visitedOn: '2026-11-20', orgUnitId: w.heping.id, participants: '矩阵' },
    }),
  },
  'POST /api/research/visits/:id/void': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => ({
      url: `/api/research/visits/${await w.freshVisit()}/void`,
      payload: { reason: '矩阵' },
    }),
  },
  'POST /api/research/topics/:id/findings': {
    expect: only(TASK_WRITERS, 201),
    request: async (w) => ({
      url: `/api/research/topics/${w.topic.id}/findings`,
      payload: { text: '矩阵发现', categoryId: w.problemCategoryId, responsibleUnitId: w.heping.id },
    }),
  },
  'PATCH /api/research/findings/:id': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => {
      const f = await w.freshFinding()
      return { url: `/api/research/findings/${f.id}`, payload: { version: f.version, text: '矩阵改写' } }
    },
  },
  'POST /api/research/findings/:id/void': {
    expect: only(TASK_WRITERS, 200),
    request: async (w) => {
      const f = await w.freshFinding()
      return { url: `/api/research/findings/${f.id}/void`, payload: { version: f.version, reason: '矩阵' } }
    },
  },
  // Needs task.write and problem.write: department and county have both.
  'POST /api/research/findings/:id/to-problem': {
    expect: only(TASK_WRITERS, 201),
    request: async (w) => {
      const f = await w.freshFinding()
      return { url: `/api/research/findings/${f.id}/to-problem`, payload: { version: f.version } }
    },
  },
  'GET /api/research/problems/:id/source': {
    expect: { ...only(TASK_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/research/problems/${w.researchProblem.id}/source` }),
  },
  'GET /api/research/figures': {
    expect: only(TASK_READERS, 200),
    request: (w) => ({ url: `/api/research/figures?campaignId=${w.supCampaign.id}` }),
  },
  'GET /api/research/import-template.xlsx': {
    expect: only(TASK_WRITERS, 200),
    request: () => ({ url: '/api/research/import-template.xlsx' }),
  },
  'POST /api/research/import': {
    expect: only(TASK_WRITERS, 202),
    request: (w) => ({ url: '/api/research/import', multipart: w.topicFile }),
  },
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1')

/** Problems, evidence and ethics cases for the rectification rows, made by 和平区's county user. */
async function rectificationWorld(
  h: Harness,
  heping: OrgUnit,
  hepingSchool: OrgUnit,
  xlsx: Buffer,
): Promise<RectificationWorld> {
  const county = await h.loginAs('county_heping', DEMO_PASSWORD)
  const admin = await h.admin()
  const ok = (r: Response, status: number) => {
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`)
    return r.json()
  }
  const categoryId = (ok(await county.get('/api/rectification/categories'), 200).items as { id: number }[])[0]
    ?.id as number
  const violationTypeId = (
    ok(await county.get('/api/ethics/violation-types'), 200).items as { id: number }[]
  )[0]?.id as number
  const upload = async (id: number) => {
    const mp = multipartFile('整改报告.pdf', PDF, 'application/pdf')
    const r = await county.request({
      method: 'POST',
      url: `/api/rectification/problems/${id}/evidence`,
      ...mp,
    })
    return ok(r, 201) as { version: number; evidence: { id: number }[] }
  }
  const freshProblem = async () => {
    const d = ok(
      await county.post('/api/rectification/problems', {
        description: `矩阵问题${unique()}`,
        source: 'self_review',
        categoryId,
        responsibleUnitId: heping.id,
        foundOn: '2026-06-01',
        measures: [{ content: '矩阵措施', deadline: '2026-12-31' }],
      }),
      201,
    ) as { id: number; version: number; measures: { id: number; version: number }[] }
    const m = d.measures[0] as { id: number; version: number }
    return { id: d.id, version: d.version, measureId: m.id, measureVersion: m.version }
  }
  const act = async (id: number, version: number, action: string) =>
    ok(await county.post(`/api/rectification/problems/${id}/actions`, { version, action }), 200) as {
      version: number
    }
  const freshRectified = async () => {
    const p = await freshProblem()
    let v = (await act(p.id, p.version, 'start')).version
    v = (
      ok(
        await county.patch(`/api/rectification/problems/${p.id}/measures/${p.measureId}`, {
          version: p.measureVersion,
          status: 'done',
        }),
        200,
      ) as { version: number }
    ).version
    v = (await upload(p.id)).version
    v = (await act(p.id, v, 'complete')).version
    return { id: p.id, version: v }
  }
  const problem = await freshProblem()
  const withEvidence = await upload(problem.id)
  const freshEthicsCase = async (published = false) => {
    const d = ok(
      await county.post('/api/ethics/cases', {
        teacherName: '矩阵教师',
        schoolId: hepingSchool.id,
        occurredOn: '2026-03-01',
        violationTypeId,
        finding: '矩阵教师违规推销教辅资料。',
        handling: 'warning',
        published,
      }),
      201,
    ) as { id: number; version: number }
    return { id: d.id, version: d.version }
  }
  return {
    problem: { id: problem.id, evidenceId: withEvidence.evidence[0]?.id as number },
    freshProblem,
    freshRectified,
    freshEvidence: async () => {
      const p = await freshProblem()
      return (await upload(p.id)).evidence[0]?.id as number
    },
    freshProblemCategory: async () =>
      ok(await admin.post('/api/rectification/categories', { name: `矩阵类别${unique()}` }), 201) as {
        id: number
        version: number
      },
    problemCategoryId: categoryId,
    ethicsCase: await freshEthicsCase(),
    publishedCase: await freshEthicsCase(true),
    freshEthicsCase: () => freshEthicsCase(),
    freshViolationType: async () =>
      ok(await admin.post('/api/ethics/violation-types', { name: `矩阵类型${unique()}` }), 201) as {
        id: number
        version: number
      },
    violationTypeId,
    xlsx,
  }
}

const RECTIFICATION_MATRIX: Record<string, Row> = {
  'GET /api/rectification/problems': {
    expect: only(PROBLEM_READERS, 200),
    request: () => ({ url: '/api/rectification/problems?pageSize=5' }),
  },
  'POST /api/rectification/problems': {
    expect: only(PROBLEM_WRITERS, 201),
    request: (w) => ({
      url: '/api/rectification/problems',
      payload: {
        description: `矩阵问题${unique()}`,
        source: 'inspection',
        categoryId: w.problemCategoryId,
        responsibleUnitId: w.heping.id,
        foundOn: '2026-06-01',
      },
    }),
  },
  'GET /api/rectification/problems/export.xlsx': {
    expect: only(PROBLEM_READERS, 200),
    request: () => ({ url: '/api/rectification/problems/export.xlsx?status=signed_off' }),
  },
  // A county-level problem: the school user is not responsible for it, so it does not exist for him.
  'GET /api/rectification/problems/:id': {
    expect: { ...only(PROBLEM_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/rectification/problems/${w.problem.id}` }),
  },
  'PATCH /api/rectification/problems/:id': {
    expect: only(PROBLEM_WRITERS, 200),
    request: async (w) => {
      const p = await w.freshProblem()
      return {
        url: `/api/rectification/problems/${p.id}`,
        payload: { version: p.version, responsibleLeader: '矩阵' },
      }
    },
  },
  'POST /api/rectification/problems/:id/actions': {
    expect: only(PROBLEM_WRITERS, 200),
    request: async (w) => {
      const p = await w.freshProblem()
      return {
        url: `/api/rectification/problems/${p.id}/actions`,
        payload: { version: p.version, action: 'start' },
      }
    },
  },
  // Recorded by county_heping: he may not sign it off; the leader and the department may.
  'POST /api/rectification/problems/:id/signoff': {
    expect: only(PROBLEM_SIGNERS, 200),
    request: async (w) => {
      const p = await w.freshRectified()
      return {
        url: `/api/rectification/problems/${p.id}/signoff`,
        payload: { version: p.version, comment: '矩阵' },
      }
    },
  },
  'POST /api/rectification/problems/:id/measures': {
    expect: only(PROBLEM_WRITERS, 201),
    request: async (w) => {
      const p = await w.freshProblem()
      return {
        url: `/api/rectification/problems/${p.id}/measures`,
        payload: { content: '矩阵措施', deadline: '2026-12-31' },
      }
    },
  },
  'PATCH /api/rectification/problems/:id/measures/:measureId': {
    expect: only(PROBLEM_WRITERS, 200),
    request: async (w) => {
      const p = await w.freshProblem()
      return {
        url: `/api/rectification/problems/${p.id}/measures/${p.measureId}`,
        payload: { version: p.measureVersion, status: 'doing' },
      }
    },
  },
  'POST /api/rectification/problems/:id/measures/:measureId/void': {
    expect: only(PROBLEM_WRITERS, 200),
    request: async (w) => {
      const p = await w.freshProblem()
      return {
        url: `/api/rectification/problems/${p.id}/measures/${p.measureId}/void`,
        payload: { version: p.measureVersion, reason: '矩阵' },
      }
    },
  },
  'POST /api/rectification/problems/:id/evidence': {
    expect: only(PROBLEM_WRITERS, 201),
    request: (w) => ({ url: `/api/rectification/problems/${w.problem.id}/evidence`, multipart: w.xlsx }),
  },
  'GET /api/rectification/evidence/:id': {
    expect: { ...only(PROBLEM_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/rectification/evidence/${w.problem.evidenceId}` }),
  },
  'POST /api/ethics/cases/:id/attachments': {
    expect: only(ETHICS_WRITERS, 201),
    request: (w) => ({ url: `/api/ethics/cases/${w.ethicsCase.id}/attachments`, multipart: w.xlsx }),
  },
  'POST /api/rectification/evidence/:id/void': {
    expect: only(PROBLEM_WRITERS, 200),
    request: async (w) => ({
      url: `/api/rectification/evidence/${await w.freshEvidence()}/void`,
      payload: { reason: '矩阵' },
    }),
  },
  'GET /api/rectification/figures': {
    expect: only(PROBLEM_READERS, 200),
    request: () => ({ url: '/api/rectification/figures' }),
  },
  'GET /api/rectification/import-template.xlsx': {
    expect: only(PROBLEM_WRITERS, 200),
    request: () => ({ url: '/api/rectification/import-template.xlsx' }),
  },
  'POST /api/rectification/import': {
    expect: only(PROBLEM_WRITERS, 202),
    request: (w) => ({ url: '/api/rectification/import', multipart: w.xlsx }),
  },
  'GET /api/rectification/categories': {
    expect: only(PROBLEM_READERS, 200),
    request: () => ({ url: '/api/rectification/categories' }),
  },
  // Reference lists: kept by the system administrator and by those who write the records.
  'POST /api/rectification/categories': {
    expect: only(['admin', ...PROBLEM_WRITERS], 201),
    request: () => ({ url: '/api/rectification/categories', payload: { name: `矩阵类别${unique()}` } }),
  },
  'POST /api/rectification/categories/:id/void': {
    expect: only(['admin', ...PROBLEM_WRITERS], 204),
    request: async (w) => {
      const c = await w.freshProblemCategory()
      return {
        url: `/api/rectification/categories/${c.id}/void`,
        payload: { version: c.version, reason: '矩阵' },
      }
    },
  },

  'GET /api/ethics/cases': {
    expect: only(ETHICS_READERS, 200),
    request: () => ({ url: '/api/ethics/cases?pageSize=5' }),
  },
  'POST /api/ethics/cases': {
    expect: only(ETHICS_WRITERS, 201),
    request: (w) => ({
      url: '/api/ethics/cases',
      payload: {
        teacherName: '矩阵教师',
        schoolId: w.hepingSchool.id,
        occurredOn: '2026-03-01',
        violationTypeId: w.violationTypeId,
        finding: '矩阵',
        handling: 'other',
      },
    }),
  },
  'GET /api/ethics/cases/:id': {
    expect: only(ETHICS_READERS, 200),
    request: (w) => ({ url: `/api/ethics/cases/${w.ethicsCase.id}` }),
  },
  'PATCH /api/ethics/cases/:id': {
    expect: only(ETHICS_WRITERS, 200),
    request: async (w) => {
      const c = await w.freshEthicsCase()
      return { url: `/api/ethics/cases/${c.id}`, payload: { version: c.version, published: true } }
    },
  },
  'POST /api/ethics/cases/:id/void': {
    expect: only(ETHICS_WRITERS, 200),
    request: async (w) => {
      const c = await w.freshEthicsCase()
      return { url: `/api/ethics/cases/${c.id}/void`, payload: { version: c.version, reason: '矩阵' } }
    },
  },
  // A published summary names no one: every signed-in user may read it (通报 goes to all schools).
  'GET /api/ethics/cases/:id/public': {
    expect: signedIn(200),
    request: (w) => ({ url: `/api/ethics/cases/${w.publishedCase.id}/public` }),
  },
  'GET /api/ethics/export.xlsx': {
    expect: only(ETHICS_READERS, 200),
    request: () => ({ url: '/api/ethics/export.xlsx' }),
  },
  'GET /api/ethics/violation-types': {
    expect: only(ETHICS_READERS, 200),
    request: () => ({ url: '/api/ethics/violation-types' }),
  },
  'GET /api/ethics/figures': {
    expect: only(ETHICS_READERS, 200),
    request: () => ({ url: '/api/ethics/figures?year=2026' }),
  },
  'GET /api/ethics/import-template.xlsx': {
    expect: only(ETHICS_WRITERS, 200),
    request: () => ({ url: '/api/ethics/import-template.xlsx' }),
  },
  // The import enqueues a job (202) whatever the file holds, as the problem import does.
  'POST /api/ethics/import': {
    expect: only(ETHICS_WRITERS, 202),
    request: (w) => ({ url: '/api/ethics/import', multipart: w.xlsx }),
  },
  'POST /api/ethics/violation-types': {
    expect: only(['admin', ...ETHICS_WRITERS], 201),
    request: () => ({ url: '/api/ethics/violation-types', payload: { name: `矩阵类型${unique()}` } }),
  },
  'POST /api/ethics/violation-types/:id/void': {
    expect: only(['admin', ...ETHICS_WRITERS], 204),
    request: async (w) => {
      const t = await w.freshViolationType()
      return {
        url: `/api/ethics/violation-types/${t.id}/void`,
        payload: { version: t.version, reason: '矩阵' },
      }
    },
  },
}

/** The matrix: one row per route, keyed `METHOD /url` as Fastify registers it. */
interface StatisticsWorld {
  /** A ledger made by the admin for these rows (yearly, anyone may submit), by key. */
  statsLedger: string
  statsLedgerVersion(): Promise<number>
  freshStatsLedger(): Promise<{ key: string; version: number }>
  /** A row 和平区's county user entered (draft), and fresh ones. */
  statsRow: { id: number }
  freshStatsRow(): Promise<{ id: number; version: number }>
  statsRowVersion(id: number): Promise<number>
  /** A fresh draft (or, `submitted`, submitted) 和平区 submission of a new year. */
  freshSubmission(submitted?: boolean): Promise<{ id: number; version: number }>
  statsFile: Buffer
}

async function statisticsWorld(h: Harness): Promise<StatisticsWorld> {
  const admin = await h.loginAs('admin', 'Admin12345')
  const county = await h.loginAs('county_heping', DEMO_PASSWORD)
  const ok = (r: Response, status: number) => {
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`)
    return r.json()
  }
  const newLedger = async () =>
    ok(
      await admin.post('/api/statistics/ledgers', {
        key: `matrix_${unique()}`,
        nameZh: '矩阵台账',
        nameEn: 'Matrix ledger',
        periodKind: 'year',
        columns: [
          { key: 'name', labelZh: '名称', labelEn: 'Name', type: 'text', required: true },
          { key: 'n', labelZh: '数量', labelEn: 'Count', type: 'integer' },
        ],
      }),
      201,
    ) as { key: string; version: number }
  const ledger = await newLedger()
  let year = 2000
  const freshRow = async (period = '2026') =>
    ok(
      await county.post(`/api/statistics/ledgers/${ledger.key}/rows`, {
        period,
        values: { name: `矩阵${unique()}`, n: 1 },
      }),
      201,
    ) as { id: number; version: number; submissionId: number }
  const row = await freshRow()
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('矩阵')
  ws.addRow(['名称', '数量'])
  ws.addRow(['矩阵导入', 3])
  return {
    statsLedger: ledger.key,
    statsLedgerVersion: async () =>
      (ok(await admin.get(`/api/statistics/ledgers/${ledger.key}`), 200) as { version: number }).version,
    freshStatsLedger: newLedger,
    statsRow: { id: row.id },
    freshStatsRow: () => freshRow(),
    statsRowVersion: async (id) =>
      (await h.db.selectFrom('stats_rows').select('version').where('id', '=', id).executeTakeFirstOrThrow())
        .version,
    freshSubmission: async (submitted = false) => {
      const r = await freshRow(String(++year))
      const s = { id: r.submissionId, version: 1 }
      if (!submitted) return s
      return ok(
        await county.post(`/api/statistics/ledgers/${ledger.key}/submissions/${s.id}/submit`, { version: 1 }),
        200,
      ) as {
        id: number
        version: number
      }
    },
    statsFile: Buffer.from(await wb.xlsx.writeBuffer()),
  }
}

const STATS_READERS: Who[] = ['admin', 'leader', 'department', 'county', 'school', 'auditor']
const STATS_WRITERS: Who[] = ['department', 'county', 'school']
/** 和平区's records: the school (inside 和平区) does not see them. */
const inHeping = (ok: number, roles: Who[]) => ({
  ...only(roles, ok),
  school: roles.includes('school') ? 404 : 403,
})

/** Indicators made by the admin for the registry rows (manual ones: no ledger needed). */
interface IndicatorsWorld {
  indicatorKey: string
  freshIndicator(): Promise<{ key: string; version: number }>
  freshIndicatorEntry(kind: 'values' | 'targets'): Promise<{ id: number; version: number }>
}

async function indicatorsWorld(h: Harness, city: OrgUnit): Promise<IndicatorsWorld> {
  const admin = await h.loginAs('admin', 'Admin12345')
  const ok = (r: Response, status: number) => {
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`)
    return r.json()
  }
  const fresh = async () =>
    ok(
      await admin.post('/api/indicators', {
        key: `matrix.m${unique()}`,
        zh: '矩阵指标',
        en: 'Matrix indicator',
        unit: 'percent',
        unitZh: '%',
        definition: { kind: 'manual', manual: { inherit: true } },
      }),
      201,
    ) as { key: string; version: number }
  const first = await fresh()
  return {
    indicatorKey: first.key,
    freshIndicator: fresh,
    freshIndicatorEntry: async (kind) => {
      const ind = await fresh()
      const body = kind === 'values' ? { value: 1 } : { target: 90 }
      return ok(
        await admin.put(`/api/indicators/${ind.key}/${kind}`, {
          orgUnitId: city.id,
          period: '2026',
          ...body,
        }),
        200,
      ) as { id: number; version: number }
    },
  }
}

const INDICATOR_READERS: Who[] = ['admin', 'leader', 'department', 'county', 'school', 'auditor']
const INDICATOR_CONFIG: Who[] = ['admin', 'department']

const INDICATORS_MATRIX: Record<string, Row> = {
  'GET /api/indicators': {
    expect: only(INDICATOR_READERS, 200),
    request: () => ({ url: '/api/indicators' }),
  },
  'GET /api/indicators/ledgers': {
    expect: only(INDICATOR_CONFIG, 200),
    request: () => ({ url: '/api/indicators/ledgers' }),
  },
  'GET /api/indicators/pivot': {
    expect: only(INDICATOR_READERS, 200),
    request: () => ({
      url: '/api/indicators/pivot?keys=stats.job_fairs,stats.tech_transfer_amount&periods=2025,2026',
    }),
  },
  'GET /api/indicators/pivot.xlsx': {
    expect: only(INDICATOR_READERS, 200),
    request: () => ({ url: '/api/indicators/pivot.xlsx?keys=stats.job_fairs&periods=2026' }),
  },
  'POST /api/indicators': {
    expect: only(INDICATOR_CONFIG, 201),
    request: () => ({
      url: '/api/indicators',
      payload: {
        key: `matrix.n${unique()}`,
        zh: '新指标',
        en: 'New indicator',
        unit: 'count',
        unitZh: '个',
        definition: { kind: 'aggregate', aggregate: { ledger: 'job_fairs', fn: 'count' } },
      },
    }),
  },
  'GET /api/indicators/:key': {
    expect: only(INDICATOR_READERS, 200),
    request: (w) => ({ url: `/api/indicators/${w.indicatorKey}` }),
  },
  'PATCH /api/indicators/:key': {
    expect: only(INDICATOR_CONFIG, 200),
    request: async (w) => {
      const i = await w.freshIndicator()
      return { url: `/api/indicators/${i.key}`, payload: { version: i.version, zh: '改名' } }
    },
  },
  'POST /api/indicators/:key/void': {
    expect: only(INDICATOR_CONFIG, 200),
    request: async (w) => {
      const i = await w.freshIndicator()
      return { url: `/api/indicators/${i.key}/void`, payload: { version: i.version, reason: '矩阵' } }
    },
  },
  'GET /api/indicators/:key/figure': {
    expect: only(INDICATOR_READERS, 200),
    request: () => ({ url: '/api/indicators/stats.job_fairs/figure?period=2026&compare=yoy,prev&trail=2' }),
  },
  'GET /api/indicators/:key/ranking': {
    expect: only(INDICATOR_READERS, 200),
    request: () => ({ url: '/api/indicators/balance.new_inclusive_places/ranking?period=2026' }),
  },
  'GET /api/indicators/:key/values': {
    expect: only(INDICATOR_READERS, 200),
    request: (w) => ({ url: `/api/indicators/${w.indicatorKey}/values` }),
  },
  'PUT /api/indicators/:key/values': {
    expect: only(INDICATOR_CONFIG, 200),
    request: async (w) => ({
      url: `/api/indicators/${(await w.freshIndicator()).key}/values`,
      payload: { orgUnitId: w.city.id, period: '2026', value: 84.5, source: '全国统计公报' },
    }),
  },
  'GET /api/indicators/:key/targets': {
    expect: only(INDICATOR_READERS, 200),
    request: () => ({ url: '/api/indicators/balance.preschool_inclusive_coverage/targets' }),
  },
  'PUT /api/indicators/:key/targets': {
    expect: only(INDICATOR_CONFIG, 200),
    request: async (w) => ({
      url: `/api/indicators/${(await w.freshIndicator()).key}/targets`,
      payload: { orgUnitId: w.city.id, period: '2026', target: 95.6 },
    }),
  },
  'POST /api/indicator-values/:id/void': {
    expect: only(INDICATOR_CONFIG, 200),
    request: async (w) => {
      const e = await w.freshIndicatorEntry('values')
      return { url: `/api/indicator-values/${e.id}/void`, payload: { version: e.version, reason: '矩阵' } }
    },
  },
  'POST /api/indicator-targets/:id/void': {
    expect: only(INDICATOR_CONFIG, 200),
    request: async (w) => {
      const e = await w.freshIndicatorEntry('targets')
      return { url: `/api/indicator-targets/${e.id}/void`, payload: { version: e.version, reason: '矩阵' } }
    },
  },
}

const STATISTICS_MATRIX: Record<string, Row> = {
  'GET /api/statistics/ledgers': {
    expect: only(STATS_READERS, 200),
    request: () => ({ url: '/api/statistics/ledgers' }),
  },
  'POST /api/statistics/ledgers': {
    expect: only(['admin'], 201),
    request: () => ({
      url: '/api/statistics/ledgers',
      payload: {
        key: `matrix_new_${unique()}`,
        nameZh: '新台账',
        nameEn: 'New ledger',
        periodKind: 'none',
        columns: [{ key: 'name', labelZh: '名称', labelEn: 'Name', type: 'text' }],
      },
    }),
  },
  'GET /api/statistics/ledgers/:key': {
    expect: only(STATS_READERS, 200),
    request: (w) => ({ url: `/api/statistics/ledgers/${w.statsLedger}` }),
  },
  'PATCH /api/statistics/ledgers/:key': {
    expect: only(['admin'], 200),
    request: async (w) => ({
      url: `/api/statistics/ledgers/${w.statsLedger}`,
      payload: {
        version: await w.statsLedgerVersion(),
        nameZh: '矩阵台账改名',
        nameEn: 'Matrix ledger',
        periodKind: 'year',
        columns: [
          { key: 'name', labelZh: '名称', labelEn: 'Name', type: 'text', required: true },
          { key: 'n', labelZh: '数量', labelEn: 'Count', type: 'integer' },
        ],
      },
    }),
  },
  'POST /api/statistics/ledgers/:key/void': {
    expect: only(['admin'], 200),
    request: async (w) => {
      const l = await w.freshStatsLedger()
      return { url: `/api/statistics/ledgers/${l.key}/void`, payload: { version: l.version, reason: '矩阵' } }
    },
  },
  'GET /api/statistics/ledgers/:key/rows': {
    expect: only(STATS_READERS, 200),
    request: (w) => ({ url: `/api/statistics/ledgers/${w.statsLedger}/rows?pageSize=5` }),
  },
  'GET /api/statistics/ledgers/:key/rows/export.xlsx': {
    expect: only(STATS_READERS, 200),
    request: (w) => ({ url: `/api/statistics/ledgers/${w.statsLedger}/rows/export.xlsx` }),
  },
  'POST /api/statistics/ledgers/:key/rows': {
    expect: only(STATS_WRITERS, 201),
    request: (w) => ({
      url: `/api/statistics/ledgers/${w.statsLedger}/rows`,
      payload: { period: '2025', values: { name: `矩阵${unique()}`, n: 2 } },
    }),
  },
  'GET /api/statistics/ledgers/:key/rows/:id': {
    expect: inHeping(200, ['admin', 'leader', 'department', 'county', 'school', 'auditor']),
    request: (w) => ({ url: `/api/statistics/ledgers/${w.statsLedger}/rows/${w.statsRow.id}` }),
  },
  'PATCH /api/statistics/ledgers/:key/rows/:id': {
    expect: inHeping(200, STATS_WRITERS),
    request: async (w) => ({
      url: `/api/statistics/ledgers/${w.statsLedger}/rows/${w.statsRow.id}`,
      payload: { version: await w.statsRowVersion(w.statsRow.id), values: { n: 5 } },
    }),
  },
  'POST /api/statistics/ledgers/:key/rows/:id/void': {
    expect: inHeping(200, STATS_WRITERS),
    request: async (w) => {
      const r = await w.freshStatsRow()
      return {
        url: `/api/statistics/ledgers/${w.statsLedger}/rows/${r.id}/void`,
        payload: { version: r.version, reason: '矩阵' },
      }
    },
  },
  'GET /api/statistics/ledgers/:key/import-template.xlsx': {
    expect: only(STATS_READERS, 200),
    request: (w) => ({ url: `/api/statistics/ledgers/${w.statsLedger}/import-template.xlsx` }),
  },
  'POST /api/statistics/ledgers/:key/import/preview': {
    expect: only(STATS_WRITERS, 200),
    request: (w) => ({
      url: `/api/statistics/ledgers/${w.statsLedger}/import/preview`,
      multipart: w.statsFile,
    }),
  },
  'POST /api/statistics/ledgers/:key/import': {
    expect: only(STATS_WRITERS, 202),
    request: (w) => ({ url: `/api/statistics/ledgers/${w.statsLedger}/import`, multipart: w.statsFile }),
  },
  'GET /api/statistics/ledgers/:key/submissions': {
    expect: only(STATS_READERS, 200),
    request: (w) => ({ url: `/api/statistics/ledgers/${w.statsLedger}/submissions` }),
  },
  'POST /api/statistics/ledgers/:key/submissions/:id/submit': {
    expect: inHeping(200, STATS_WRITERS),
    request: async (w) => {
      const s = await w.freshSubmission()
      return {
        url: `/api/statistics/ledgers/${w.statsLedger}/submissions/${s.id}/submit`,
        payload: { version: s.version },
      }
    },
  },
  'POST /api/statistics/ledgers/:key/submissions/:id/approve': {
    expect: only(['department'], 200),
    request: async (w) => {
      const s = await w.freshSubmission(true)
      return {
        url: `/api/statistics/ledgers/${w.statsLedger}/submissions/${s.id}/approve`,
        payload: { version: s.version },
      }
    },
  },
  'POST /api/statistics/ledgers/:key/submissions/:id/return': {
    expect: only(['department'], 200),
    request: async (w) => {
      const s = await w.freshSubmission(true)
      return {
        url: `/api/statistics/ledgers/${w.statsLedger}/submissions/${s.id}/return`,
        payload: { version: s.version, reason: '数据有误' },
      }
    },
  },
  'GET /api/statistics/ledgers/:key/completeness': {
    expect: only(STATS_READERS, 200),
    request: (w) => ({ url: `/api/statistics/ledgers/${w.statsLedger}/completeness?period=2026` }),
  },
}

// ---------------------------------------------------------------------------------------------
// Balance monitoring (server/modules/balance/MATRIX.md explains the numbers)

const BALANCE_READERS: Who[] = ['admin', 'leader', 'department', 'county', 'school', 'auditor']
const BALANCE_WRITERS: Who[] = ['department', 'county', 'school']

interface BalanceWorld {
  /** school_demo's school (a 和平区 primary school), and its demo row for this year. */
  balanceSchool: number
  balanceRow: { id: number }
  balanceRowVersion(): Promise<number>
  /** A new row of school_demo's school for a year no other row has, for void rows. */
  freshBalanceRow(): Promise<{ id: number; version: number }>
  /** A year no row of school_demo's school has yet, for create rows. */
  freeBalanceYear(): number
  /** A 和平区 kindergarten and its demo row for this year; fresh rows of other years. */
  balanceKindergarten: number
  kindergartenRow: { id: number }
  kindergartenRowVersion(): Promise<number>
  freshKindergartenRow(): Promise<{ id: number; version: number }>
  freeKindergartenYear(): number
  balanceSettingsVersion(): Promise<number>
  balanceFile: Buffer
}

/**
 * Fixtures for the balance rows, on the city demo's rows. 和平区's composite did not rise in the
 * demo, so its 2026 books of one primary and one junior school are raised tenfold: both stages
 * rise, one warning for the department and one for the county to convert.
 */
async function balanceWorld(h: Harness, heping: OrgUnit): Promise<BalanceWorld> {
  const schoolUnit = (
    await h.db
      .selectFrom('users')
      .select('org_unit_id')
      .where('username', '=', 'school_demo')
      .executeTakeFirstOrThrow()
  ).org_unit_id
  const liveRow = (schoolId: number, year: number) =>
    h.db
      .selectFrom('balance_school_resources')
      .select(['id', 'version'])
      .where('school_id', '=', schoolId)
      .where('year', '=', year)
      .where('voided_at', 'is', null)
      .executeTakeFirstOrThrow()
  const row = await liveRow(schoolUnit, 2026)
  for (const stage of ['primary', 'junior']) {
    const s = await h.db
      .selectFrom('org_units')
      .select('id')
      .where('parent_id', '=', heping.id)
      .where('stage', '=', stage)
      .where('id', '!=', schoolUnit)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    await h.db
      .updateTable('balance_school_resources')
      .set((eb) => ({ books: eb('books', '*', 10) }))
      .where('school_id', '=', s.id)
      .where('year', '=', 2026)
      .execute()
  }
  const kg = await h.db
    .selectFrom('balance_kindergarten_enrolment as e')
    .innerJoin('org_units as u', 'u.id', 'e.kindergarten_id')
    .select(['e.id', 'e.kindergarten_id'])
    .where('u.parent_id', '=', heping.id)
    .where('e.year', '=', 2026)
    .orderBy('e.id')
    .executeTakeFirstOrThrow()
  let year = 2000
  let kgYear = 2000
  const at = '2026-11-27T02:00:00.000Z'
  const base = {
    created_by: null,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
    version: 1,
  }
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('办学条件').addRow(['学校名称', '统计年度', '小学在校生数'])
  return {
    balanceSchool: schoolUnit,
    balanceRow: { id: row.id },
    balanceRowVersion: async () => (await liveRow(schoolUnit, 2026)).version,
    freshBalanceRow: async () => {
      const y = ++year
      await h.db
        .insertInto('balance_school_resources')
        .values({
          ...base,
          school_id: schoolUnit,
          year: y,
          note: '',
          source: 'manual',
          exclusion: null,
          pupils_primary: 100,
          pupils_junior: 0,
          pupils_senior: 0,
          teachers_primary: 6,
          teachers_junior: 0,
          teachers_senior: 0,
          qualified_primary: 0,
          qualified_junior: 0,
          backbone_primary: 0,
          backbone_junior: 0,
          pe_art_primary: 0,
          pe_art_junior: 0,
          titled_primary: 0,
          titled_junior: 0,
          multimedia_rooms: 0,
          computers: 0,
          books: 100,
          floor_area: 0,
          sports_area: 0,
          equipment_fen: 0,
        })
        .execute()
      return liveRow(schoolUnit, y)
    },
    freeBalanceYear: () => ++year,
    balanceKindergarten: kg.kindergarten_id,
    kindergartenRow: { id: kg.id },
    kindergartenRowVersion: async () =>
      (
        await h.db
          .selectFrom('balance_kindergarten_enrolment')
          .select('version')
          .where('id', '=', kg.id)
          .executeTakeFirstOrThrow()
      ).version,
    freshKindergartenRow: async () => {
      const y = ++kgYear
      return h.db
        .insertInto('balance_kindergarten_enrolment')
        .values({
          ...base,
          kindergarten_id: kg.kindergarten_id,
          year: y,
          children: 100,
          new_inclusive_places: 0,
          note: '',
          source: 'manual',
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow()
    },
    freeKindergartenYear: () => ++kgYear,
    balanceSettingsVersion: async () => {
      const s = await h.db
        .selectFrom('settings')
        .select('value_json')
        .where('key', '=', 'balance.settings')
        .executeTakeFirst()
      return s ? (JSON.parse(s.value_json) as { version: number }).version : 1
    },
    balanceFile: Buffer.from(await wb.xlsx.writeBuffer()),
  }
}

const BALANCE_MATRIX: Record<string, Row> = {
  'GET /api/balance/resources': {
    expect: only(BALANCE_READERS, 200),
    request: () => ({ url: '/api/balance/resources?year=2026&pageSize=5' }),
  },
  'GET /api/balance/resources/export.xlsx': {
    expect: only(BALANCE_READERS, 200),
    request: (w) => ({ url: `/api/balance/resources/export.xlsx?year=2026&orgUnitId=${w.balanceSchool}` }),
  },
  'POST /api/balance/resources': {
    expect: only(BALANCE_WRITERS, 201),
    request: (w) => ({
      url: '/api/balance/resources',
      payload: { schoolId: w.balanceSchool, year: w.freeBalanceYear() },
    }),
  },
  // school_demo's own school: every reader sees it, the school included.
  'GET /api/balance/resources/:id': {
    expect: only(BALANCE_READERS, 200),
    request: (w) => ({ url: `/api/balance/resources/${w.balanceRow.id}` }),
  },
  'PATCH /api/balance/resources/:id': {
    expect: only(BALANCE_WRITERS, 200),
    request: async (w) => ({
      url: `/api/balance/resources/${w.balanceRow.id}`,
      payload: { version: await w.balanceRowVersion(), note: `矩阵${unique()}` },
    }),
  },
  'POST /api/balance/resources/:id/void': {
    expect: only(BALANCE_WRITERS, 200),
    request: async (w) => {
      const r = await w.freshBalanceRow()
      return { url: `/api/balance/resources/${r.id}/void`, payload: { version: r.version, reason: '矩阵' } }
    },
  },
  'GET /api/balance/resources/import-template.xlsx': {
    expect: only(BALANCE_WRITERS, 200),
    request: () => ({ url: '/api/balance/resources/import-template.xlsx' }),
  },
  'POST /api/balance/resources/import': {
    expect: only(BALANCE_WRITERS, 202),
    request: (w) => ({ url: '/api/balance/resources/import', multipart: w.balanceFile }),
  },
  'GET /api/balance/coefficients': {
    expect: only(BALANCE_READERS, 200),
    request: () => ({ url: '/api/balance/coefficients?year=2026' }),
  },
  // A school's scope is the school: its county is out of it (404).
  'GET /api/balance/counties/:id': {
    expect: { ...only(BALANCE_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/balance/counties/${w.heping.id}?year=2026` }),
  },
  'GET /api/balance/warnings': {
    expect: only(BALANCE_READERS, 200),
    request: () => ({ url: '/api/balance/warnings?year=2026' }),
  },
  // balance.write and problem.write (department, county); the school has no problem.write.
  'POST /api/balance/warnings/to-problem': {
    expect: only(['department', 'county'], 201),
    request: (w, who) => ({
      url: '/api/balance/warnings/to-problem',
      payload: {
        countyId: w.heping.id,
        year: 2026,
        stage: who === 'county' ? 'junior' : 'primary',
        categoryId: w.problemCategoryId,
      },
    }),
  },
  'GET /api/balance/kindergartens': {
    expect: only(BALANCE_READERS, 200),
    request: () => ({ url: '/api/balance/kindergartens?year=2026&pageSize=5' }),
  },
  // No kindergarten lies in a school's scope: its entry is refused on the field (400).
  'POST /api/balance/kindergartens': {
    expect: { ...only(BALANCE_WRITERS, 201), school: 400 },
    request: (w) => ({
      url: '/api/balance/kindergartens',
      payload: { kindergartenId: w.balanceKindergarten, year: w.freeKindergartenYear(), children: 80 },
    }),
  },
  'GET /api/balance/kindergartens/:id': {
    expect: { ...only(BALANCE_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/balance/kindergartens/${w.kindergartenRow.id}` }),
  },
  'PATCH /api/balance/kindergartens/:id': {
    expect: { ...only(BALANCE_WRITERS, 200), school: 404 },
    request: async (w) => ({
      url: `/api/balance/kindergartens/${w.kindergartenRow.id}`,
      payload: { version: await w.kindergartenRowVersion(), note: `矩阵${unique()}` },
    }),
  },
  'POST /api/balance/kindergartens/:id/void': {
    expect: { ...only(BALANCE_WRITERS, 200), school: 404 },
    request: async (w) => {
      const r = await w.freshKindergartenRow()
      return {
        url: `/api/balance/kindergartens/${r.id}/void`,
        payload: { version: r.version, reason: '矩阵' },
      }
    },
  },
  'GET /api/balance/kindergartens/export.xlsx': {
    expect: only(BALANCE_READERS, 200),
    request: () => ({ url: '/api/balance/kindergartens/export.xlsx?year=2026' }),
  },
  'GET /api/balance/kindergartens/import-template.xlsx': {
    expect: only(BALANCE_WRITERS, 200),
    request: () => ({ url: '/api/balance/kindergartens/import-template.xlsx' }),
  },
  'POST /api/balance/kindergartens/import': {
    expect: only(BALANCE_WRITERS, 202),
    request: (w) => ({ url: '/api/balance/kindergartens/import', multipart: w.balanceFile }),
  },
  'GET /api/balance/preschool': {
    expect: only(BALANCE_READERS, 200),
    request: () => ({ url: '/api/balance/preschool?year=2026' }),
  },
  'GET /api/balance/settings': {
    expect: only(BALANCE_READERS, 200),
    request: () => ({ url: '/api/balance/settings' }),
  },
  // indicator.config: administrators and departments.
  'PATCH /api/balance/settings': {
    expect: only(['admin', 'department'], 200),
    request: async (w) => ({
      url: '/api/balance/settings',
      payload: {
        version: await w.balanceSettingsVersion(),
        compositeLimits: { primary: 0.65, junior: 0.55 },
      },
    }),
  },
}

interface ReportsWorld {
  /** A snapshot of 和平区 (in the county user's scope). */
  reportSnapshot: number
  freshTemplate(): Promise<{ key: string; version: number }>
  freshSnapshot(): Promise<number>
  freshTerm(): Promise<{ id: number; version: number }>
}

/** Templates, a snapshot of 和平区 and reviewed terms, made through the use cases as the system. */
async function reportsWorld(h: Harness, heping: OrgUnit): Promise<ReportsWorld> {
  const ctx = h.ctx()
  // Templates are written by the report office (a department), not by the system administrator.
  const office = { ...ctx, actor: { ...ctx.actor, role: 'department' as const } }
  const plain = {
    title: '矩阵测试',
    description: '',
    periodKind: 'year' as const,
    source: '# 测试\n\n{{ org }}{{ period }}',
  }
  await createTemplate(office, { key: 'matrix_plain', ...plain })
  const freshSnapshot = async () =>
    (await renderReport(ctx, { template: 'matrix_plain', period: '2026', orgUnitId: heping.id })).id
  return {
    reportSnapshot: await freshSnapshot(),
    freshTemplate: async () => {
      const t = await createTemplate(office, { key: `matrix_${unique()}`, ...plain })
      return { key: t.key, version: t.version }
    },
    freshSnapshot,
    freshTerm: async () => {
      const t = await addTerm(ctx, { term: `矩阵词${unique()}`, kind: 'other', note: '' })
      return { id: t.id, version: t.version }
    },
  }
}

const REPORT_READERS: Who[] = ['admin', 'leader', 'department', 'county', 'auditor']
const REPORT_WRITERS: Who[] = ['department', 'county']
const REPORT_CONFIG: Who[] = ['admin', 'department']

const REPORTS_MATRIX: Record<string, Row> = {
  'GET /api/reports/templates': {
    expect: only(REPORT_READERS, 200),
    request: () => ({ url: '/api/reports/templates' }),
  },
  'POST /api/reports/templates': {
    expect: only(REPORT_WRITERS, 201),
    request: () => ({
      url: '/api/reports/templates',
      payload: { key: `m_${unique()}`, title: '新模板', source: '# 新模板\n\n{{ org }}' },
    }),
  },
  'POST /api/reports/templates/check': {
    expect: only(REPORT_READERS, 200),
    request: () => ({
      url: '/api/reports/templates/check',
      payload: { source: '{{ "stats.job_fairs" | figure }}' },
    }),
  },
  'GET /api/reports/templates/:key': {
    expect: only(REPORT_READERS, 200),
    request: () => ({ url: '/api/reports/templates/petition_bulletin' }),
  },
  'PATCH /api/reports/templates/:key': {
    expect: only(REPORT_WRITERS, 200),
    request: async (w) => {
      const t = await w.freshTemplate()
      return { url: `/api/reports/templates/${t.key}`, payload: { version: t.version, title: '改名' } }
    },
  },
  'POST /api/reports/templates/:key/void': {
    expect: only(REPORT_WRITERS, 200),
    request: async (w) => {
      const t = await w.freshTemplate()
      return {
        url: `/api/reports/templates/${t.key}/void`,
        payload: { version: t.version, reason: '不再使用' },
      }
    },
  },
  'POST /api/reports/preview': {
    expect: only(REPORT_READERS, 200),
    request: () => ({
      url: '/api/reports/preview',
      payload: { source: '# 预览\n\n{{ org }}', period: '2026' },
    }),
  },
  'POST /api/reports/render': {
    expect: only(REPORT_READERS, 201),
    request: () => ({ url: '/api/reports/render', payload: { template: 'matrix_plain', period: '2026' } }),
  },
  'POST /api/reports/render-jobs': {
    expect: only(REPORT_READERS, 202),
    request: () => ({
      url: '/api/reports/render-jobs',
      payload: { template: 'matrix_plain', period: '2026' },
    }),
  },
  'GET /api/reports/snapshots': {
    expect: only(REPORT_READERS, 200),
    request: () => ({ url: '/api/reports/snapshots' }),
  },
  // A 和平区 snapshot: the county reads it; a school has no report.read (permission before scope).
  'GET /api/reports/snapshots/:id': {
    expect: only(REPORT_READERS, 200),
    request: (w) => ({ url: `/api/reports/snapshots/${w.reportSnapshot}` }),
  },
  'GET /api/reports/snapshots/:id/document': {
    expect: only(REPORT_READERS, 200),
    request: (w) => ({ url: `/api/reports/snapshots/${w.reportSnapshot}/document?format=md&copy=public` }),
  },
  'POST /api/reports/snapshots/:id/void': {
    expect: only(REPORT_WRITERS, 200),
    request: async (w) => ({
      url: `/api/reports/snapshots/${await w.freshSnapshot()}/void`,
      payload: { reason: '重出' },
    }),
  },
  'POST /api/redact': {
    expect: only(REPORT_READERS, 200),
    request: () => ({ url: '/api/redact', payload: { text: '和平区12所学校' } }),
  },
  'GET /api/reports/terms': {
    expect: only(REPORT_CONFIG, 200),
    request: () => ({ url: '/api/reports/terms' }),
  },
  'POST /api/reports/terms': {
    expect: only(REPORT_CONFIG, 201),
    request: () => ({ url: '/api/reports/terms', payload: { term: `术语${unique()}` } }),
  },
  'POST /api/reports/terms/suggest': {
    expect: only(REPORT_READERS, 200),
    request: () => ({ url: '/api/reports/terms/suggest', payload: { text: '王晓明赴和平区调研' } }),
  },
  'POST /api/reports/terms/:id/void': {
    expect: only(REPORT_CONFIG, 200),
    request: async (w) => {
      const t = await w.freshTerm()
      return { url: `/api/reports/terms/${t.id}/void`, payload: { version: t.version, reason: '误加' } }
    },
  },
}

const SEL_READERS: Who[] = ['admin', 'leader', 'department', 'county', 'school', 'auditor']
const SEL_OVERSEERS: Who[] = ['admin', 'leader', 'department', 'auditor']
const SEL_APPLICANTS: Who[] = ['county', 'school']
/** Overseers 200, applicants (county, school) 404, the expert 403. */
const overseen = (): Expected => ({ ...only(SEL_OVERSEERS, 200), county: 404, school: 404 })
const S = '/api/selections'

const SELECTIONS_MATRIX: Record<string, Row> = {
  'GET /api/selections/rubrics': { expect: only(SEL_READERS, 200), request: () => ({ url: `${S}/rubrics` }) },
  'POST /api/selections/rubrics': {
    expect: only(['department'], 201),
    request: () => ({
      url: `${S}/rubrics`,
      payload: { name: '新细则', criteria: [{ key: 'overall', title: '综合', weight: 100, maxScore: 100 }] },
    }),
  },
  'GET /api/selections/rubrics/:id': {
    expect: only(SEL_READERS, 200),
    request: (w) => ({ url: `${S}/rubrics/${w.selRubric}` }),
  },
  'POST /api/selections/rubrics/:id/revise': {
    expect: only(['department'], 201),
    request: (w) => ({ url: `${S}/rubrics/${w.selRubric}/revise`, payload: { name: '修订' } }),
  },
  'POST /api/selections/rubrics/:id/void': {
    expect: only(['department'], 200),
    request: async (w) => {
      const r = await w.freshSelRubric()
      return { url: `${S}/rubrics/${r.id}/void`, payload: { version: r.version, reason: '停用' } }
    },
  },
  'GET /api/selections/programmes': {
    expect: only(SEL_READERS, 200),
    request: () => ({ url: `${S}/programmes` }),
  },
  'POST /api/selections/programmes': {
    expect: only(['department'], 201),
    request: (w) => ({
      url: `${S}/programmes`,
      payload: {
        name: '矩阵新项目',
        kind: 'selection',
        quota: 3,
        eligibleKinds: ['school'],
        opensOn: '2026-11-01',
        closesOn: '2026-12-10',
        rubricId: w.selRubric,
        expertsPerApplication: 3,
      },
    }),
  },
  'GET /api/selections/programmes/:id': {
    expect: only(SEL_READERS, 200),
    request: (w) => ({ url: `${S}/programmes/${w.selOpen}` }),
  },
  'PATCH /api/selections/programmes/:id': {
    expect: only(['department'], 200),
    request: async (w) => {
      const p = await w.freshSelDraft()
      return { url: `${S}/programmes/${p.id}`, payload: { version: p.version, batch: '第三批' } }
    },
  },
  'POST /api/selections/programmes/:id/void': {
    expect: only(['department'], 200),
    request: async (w) => {
      const p = await w.freshSelDraft()
      return { url: `${S}/programmes/${p.id}/void`, payload: { version: p.version, reason: '取消' } }
    },
  },
  'POST /api/selections/programmes/:id/actions': {
    expect: only(['department'], 200),
    request: async (w) => {
      const p = await w.freshSelDraft()
      return { url: `${S}/programmes/${p.id}/actions`, payload: { version: p.version, action: 'open' } }
    },
  },
  'POST /api/selections/programmes/:id/assign': {
    expect: only(['department'], 200),
    request: async (w) => {
      const p = await w.freshSelReviewing()
      return { url: `${S}/programmes/${p.id}/assign`, payload: { version: p.version, seed: 1 } }
    },
  },
  'GET /api/selections/programmes/:id/summary': {
    expect: overseen(),
    request: (w) => ({ url: `${S}/programmes/${w.selOpen}/summary` }),
  },
  'GET /api/selections/programmes/:id/ranking': {
    expect: overseen(),
    request: (w) => ({ url: `${S}/programmes/${w.selOpen}/ranking` }),
  },
  'GET /api/selections/programmes/:id/events': {
    expect: overseen(),
    request: (w) => ({ url: `${S}/programmes/${w.selOpen}/events` }),
  },
  'GET /api/selections/programmes/:id/results.xlsx': {
    expect: overseen(),
    request: (w) => ({ url: `${S}/programmes/${w.selFinal}/results.xlsx` }),
  },
  'GET /api/selections/programmes/:id/results.docx': {
    expect: overseen(),
    request: (w) => ({ url: `${S}/programmes/${w.selFinal}/results.docx` }),
  },
  'POST /api/selections/programmes/:id/objections': {
    expect: only(SEL_READERS, 201),
    request: (w) => ({ url: `${S}/programmes/${w.selNotice}/objections`, payload: { text: '矩阵异议' } }),
  },
  'POST /api/selections/objections/:id/answer': {
    expect: only(['department'], 200),
    request: async (w) => {
      const o = await w.freshSelObjection()
      return { url: `${S}/objections/${o.id}/answer`, payload: { version: o.version, answer: '已核实' } }
    },
  },
  'POST /api/selections/programmes/:id/applications': {
    expect: only(SEL_APPLICANTS, 201),
    request: async (w) => ({
      url: `${S}/programmes/${await w.freshSelOpen()}/applications`,
      payload: { title: '矩阵申报' },
    }),
  },
  'GET /api/selections/applications': {
    expect: only(SEL_READERS, 200),
    request: () => ({ url: `${S}/applications` }),
  },
  'GET /api/selections/applications/:id': {
    expect: only(SEL_READERS, 200),
    request: (w) => ({ url: `${S}/applications/${w.selApplication}` }),
  },
  'PATCH /api/selections/applications/:id': {
    expect: only(SEL_APPLICANTS, 200),
    request: async (w) => {
      const a = await w.freshSelApplication()
      return { url: `${S}/applications/${a.id}`, payload: { version: a.version, title: '改名' } }
    },
  },
  'POST /api/selections/applications/:id/attachments': {
    expect: only(SEL_APPLICANTS, 201),
    request: async (w) => ({
      url: `${S}/applications/${(await w.freshSelApplication()).id}/attachments`,
      multipart: w.template,
    }),
  },
  'POST /api/selections/applications/:id/submit': {
    expect: only(SEL_APPLICANTS, 200),
    request: async (w) => {
      const a = await w.freshSelApplication()
      return { url: `${S}/applications/${a.id}/submit`, payload: { version: a.version } }
    },
  },
  'POST /api/selections/applications/:id/withdraw': {
    expect: only(SEL_APPLICANTS, 200),
    request: async (w) => {
      const a = await w.freshSelApplication()
      return { url: `${S}/applications/${a.id}/withdraw`, payload: { version: a.version, reason: '撤回' } }
    },
  },
  'POST /api/selections/applications/:id/experts': {
    expect: only(['department'], 201),
    request: async (w) => ({
      url: `${S}/applications/${(await w.freshSelReviewing()).applicationId}/experts`,
      payload: { expertId: w.selExpertDemo },
    }),
  },
  'POST /api/selections/assignments/:id/void': {
    expect: only(['department'], 200),
    request: async (w) => ({
      url: `${S}/assignments/${(await w.freshSelAssignment()).id}/void`,
      payload: { reason: '调整' },
    }),
  },
  'GET /api/selections/experts': {
    expect: only(['department'], 200),
    request: () => ({ url: `${S}/experts` }),
  },
  'POST /api/selections/experts': {
    expect: only(['department'], 201),
    request: async (w) => ({
      url: `${S}/experts`,
      payload: { userId: await w.freshSelUser(), name: '新专家' },
    }),
  },
  'PATCH /api/selections/experts/:id': {
    expect: only(['department'], 200),
    request: async (w) => {
      const e = await w.freshSelExpert()
      return { url: `${S}/experts/${e.id}`, payload: { version: e.version, title: '教授' } }
    },
  },
  'POST /api/selections/experts/:id/void': {
    expect: only(['department'], 200),
    request: async (w) => {
      const e = await w.freshSelExpert()
      return { url: `${S}/experts/${e.id}/void`, payload: { version: e.version, reason: '退出' } }
    },
  },
  'GET /api/selections/reviews': { expect: only(['expert'], 200), request: () => ({ url: `${S}/reviews` }) },
  'GET /api/selections/reviews/:id': {
    expect: only(['expert'], 200),
    request: (w) => ({ url: `${S}/reviews/${w.selReview}` }),
  },
  'PUT /api/selections/reviews/:id': {
    expect: only(['expert'], 200),
    request: async (w) => {
      const a = await w.freshSelAssignment()
      return { url: `${S}/reviews/${a.id}`, payload: { version: a.version, scores: { overall: 80 } } }
    },
  },
  'POST /api/selections/reviews/:id/submit': {
    expect: only(['expert'], 200),
    request: async (w) => {
      const a = await w.freshSelAssignment(true)
      return { url: `${S}/reviews/${a.id}/submit`, payload: { version: a.version } }
    },
  },
}

const MATRIX: Record<string, Row> = {
  'GET /api/health': { expect: everyone(200), request: () => ({ url: '/api/health' }) },
  'GET /api/meta': { expect: everyone(200), request: () => ({ url: '/api/meta' }) },
  'GET /api/today': { expect: everyone(200), request: () => ({ url: '/api/today' }) },
  'GET /api/openapi.json': { expect: everyone(200), request: () => ({ url: '/api/openapi.json' }) },
  'GET /api/docs': { expect: everyone(200), request: () => ({ url: '/api/docs' }) },
  'GET /api/docs/': { expect: everyone(200), request: () => ({ url: '/api/docs/' }) },
  'GET /api/docs/json': { expect: everyone(200), request: () => ({ url: '/api/docs/json' }) },
  'GET /api/docs/yaml': { expect: everyone(200), request: () => ({ url: '/api/docs/yaml' }) },

  'POST /api/auth/login': {
    expect: everyone(401),
    request: (_w, who) => ({
      url: '/api/auth/login',
      payload: { username: `nobody_${who}`, password: 'wrong-password-1' },
    }),
  },
  'POST /api/auth/logout': {
    expect: everyone(200),
    ownSession: true,
    request: () => ({ url: '/api/auth/logout' }),
  },
  'GET /api/auth/me': { expect: signedIn(200), request: () => ({ url: '/api/auth/me' }) },
  'PATCH /api/auth/me': {
    expect: signedIn(200),
    request: () => ({ url: '/api/auth/me', payload: { locale: 'zh-CN' } }),
  },
  'POST /api/auth/password': {
    // A wrong current password: every signed-in user may try (400), nobody's password changes.
    expect: signedIn(400),
    request: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: 'not-the-password-1', newPassword: 'NewPassword2026' },
    }),
  },

  'GET /api/audit': { expect: only(['admin', 'auditor'], 200), request: () => ({ url: '/api/audit' }) },
  'GET /api/audit/verify': {
    expect: only(['admin', 'auditor'], 200),
    request: () => ({ url: '/api/audit/verify' }),
  },
  'GET /api/audit/export.xlsx': {
    expect: only(['admin', 'auditor'], 200),
    request: () => ({ url: '/api/audit/export.xlsx' }),
  },

  // The admin's jobs: nobody else's business, not even that they exist.
  'GET /api/jobs/:id': {
    expect: only(['admin'], 200, 404),
    request: (w) => ({ url: `/api/jobs/${w.adminJob}` }),
  },
  'GET /api/jobs/:id/error-report.xlsx': {
    expect: only(['admin'], 200, 404),
    request: (w) => ({ url: `/api/jobs/${w.adminFailedJob}/error-report.xlsx` }),
  },
  // A failed job has no warning report, even for its owner; nobody else may know it exists.
  'GET /api/jobs/:id/warning-report.xlsx': {
    expect: only([], 200, 404),
    request: (w) => ({ url: `/api/jobs/${w.adminFailedJob}/warning-report.xlsx` }),
  },

  'GET /api/org-units/tree': { expect: only(READERS, 200), request: () => ({ url: '/api/org-units/tree' }) },
  'GET /api/org-units': { expect: only(READERS, 200), request: () => ({ url: '/api/org-units?pageSize=5' }) },
  'GET /api/org-units/export.xlsx': {
    expect: only(READERS, 200),
    request: () => ({ url: '/api/org-units/export.xlsx?kind=county' }),
  },
  'GET /api/org-units/import-template.xlsx': {
    expect: signedIn(200),
    request: () => ({ url: '/api/org-units/import-template.xlsx' }),
  },
  'POST /api/org-units/import': {
    expect: only(WRITERS, 202),
    request: (w) => ({ url: '/api/org-units/import', multipart: w.template }),
  },
  // A 和平区 school: the school user (another school) does not see it; experts read no org units.
  'GET /api/org-units/:id': {
    expect: { ...only(READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/org-units/${w.hepingSchool.id}` }),
  },
  'POST /api/org-units': {
    expect: only(WRITERS, 201),
    request: (w) => ({
      url: '/api/org-units',
      payload: {
        parentId: w.heping.id,
        kind: 'school',
        name: `矩阵测试${unique()}小学`,
        code: `29${unique().padStart(8, '0').slice(-8)}`,
      },
    }),
  },
  'PATCH /api/org-units/:id': {
    expect: only(WRITERS, 200),
    request: async (w) => ({
      url: `/api/org-units/${w.hepingSchool.id}`,
      payload: { version: await w.version(w.hepingSchool.id), sortOrder: n++ },
    }),
  },
  'POST /api/org-units/:id/move': {
    expect: only(WRITERS, 200),
    request: async (w) => ({
      url: `/api/org-units/${w.hepingSchool.id}/move`,
      payload: { version: await w.version(w.hepingSchool.id), parentId: w.heping.id },
    }),
  },
  'POST /api/org-units/:id/void': {
    expect: only(WRITERS, 200),
    request: async (w) => {
      const u = await w.fresh()
      return { url: `/api/org-units/${u.id}/void`, payload: { version: u.version, reason: '矩阵测试' } }
    },
  },

  'GET /api/users': { expect: only(['admin', 'auditor'], 200), request: () => ({ url: '/api/users' }) },
  'GET /api/users/export.xlsx': {
    expect: only(['admin', 'auditor'], 200),
    request: () => ({ url: '/api/users/export.xlsx' }),
  },
  'POST /api/users': {
    expect: only(['admin'], 201),
    request: (w) => ({
      url: '/api/users',
      payload: {
        username: `m_${unique()}`,
        displayName: '矩阵',
        role: 'leader',
        orgUnitId: w.city.id,
        password: DEFAULT_PASSWORD,
      },
    }),
  },
  'PATCH /api/users/:id': {
    expect: only(['admin'], 200),
    request: async (w) => ({
      url: `/api/users/${w.target.id}`,
      payload: { version: await w.userVersion(w.target.id), displayName: `改名${n++}` },
    }),
  },
  'POST /api/users/:id/void': {
    expect: only(['admin'], 200),
    request: async (w) => {
      const u = await w.freshUser()
      return { url: `/api/users/${u.id}/void`, payload: { version: u.version, reason: '矩阵测试' } }
    },
  },
  'POST /api/users/:id/reset-password': {
    expect: only(['admin'], 200),
    request: (w) => ({
      url: `/api/users/${w.target.id}/reset-password`,
      payload: { password: 'ResetPass2026' },
    }),
  },
  'GET /api/calendar': { expect: signedIn(200), request: () => ({ url: '/api/calendar?year=2026' }) },
  'POST /api/calendar/overrides': {
    expect: only(['admin'], 200),
    request: () => ({
      url: '/api/calendar/overrides',
      payload: { date: '2031-05-06', kind: 'holiday', name: '矩阵' },
    }),
  },
  'POST /api/calendar/overrides/:id/void': {
    // A missing override: the admin learns it is gone (404); the others may not ask (403).
    expect: only(['admin'], 404),
    request: () => ({ url: '/api/calendar/overrides/999999/void', payload: { reason: '矩阵' } }),
  },

  'GET /api/petitions/cases': {
    expect: only(PETITION_READERS, 200),
    request: () => ({ url: '/api/petitions/cases?pageSize=5' }),
  },
  'GET /api/petitions/cases/export.xlsx': {
    expect: only(PETITION_READERS, 200),
    request: () => ({ url: '/api/petitions/cases/export.xlsx?status=registered' }),
  },
  // The school user is not responsible for this county-level case: it does not exist for him.
  'GET /api/petitions/cases/:id': {
    expect: { ...only(PETITION_READERS, 200), school: 404 },
    request: (w) => ({ url: `/api/petitions/cases/${w.hepingCase.id}` }),
  },
  'POST /api/petitions/cases': {
    expect: only(PETITION_WRITERS, 201),
    request: (w) => ({ url: '/api/petitions/cases', payload: caseBody(w) }),
  },
  'POST /api/petitions/cases/:id/actions': {
    expect: only(PETITION_WRITERS, 200),
    request: async (w) => {
      const c = await w.freshCase()
      return {
        url: `/api/petitions/cases/${c.id}/actions`,
        payload: { version: c.version, action: 'accept', on: '2026-11-26' },
      }
    },
  },
  'POST /api/petitions/cases/:id/void': {
    expect: only(PETITION_WRITERS, 200),
    request: async (w) => {
      const c = await w.freshCase()
      return { url: `/api/petitions/cases/${c.id}/void`, payload: { version: c.version, reason: '矩阵测试' } }
    },
  },
  'GET /api/petitions/similar': {
    expect: only(PETITION_WRITERS, 200),
    request: (w) => ({ url: `/api/petitions/similar?demandId=${w.taxonomy.demandId}&summary=工资待遇` }),
  },
  'GET /api/petitions/import-template.xlsx': {
    expect: only(PETITION_WRITERS, 200),
    request: () => ({ url: '/api/petitions/import-template.xlsx' }),
  },
  'POST /api/petitions/import/preview': {
    expect: only(PETITION_WRITERS, 200),
    request: (w) => ({ url: '/api/petitions/import/preview', multipart: w.petitionFile }),
  },
  'POST /api/petitions/import': {
    expect: only(PETITION_WRITERS, 202),
    request: (w) => ({ url: '/api/petitions/import', multipart: w.petitionFile }),
  },
  'GET /api/petitions/categories': {
    expect: only(PETITION_READERS, 200),
    request: () => ({ url: '/api/petitions/categories' }),
  },
  'POST /api/petitions/categories': {
    expect: only(PETITION_CONFIG, 201),
    request: (w) => ({
      url: '/api/petitions/categories',
      payload: { parentId: w.taxonomy.categoryId, name: `矩阵诉求${unique()}` },
    }),
  },
  'PATCH /api/petitions/categories/:id': {
    expect: only(PETITION_CONFIG, 200),
    request: async (w) => ({
      url: `/api/petitions/categories/${w.taxonomy.categoryId}`,
      payload: { version: await w.categoryVersion(), sortOrder: n++ },
    }),
  },
  'POST /api/petitions/categories/:id/void': {
    expect: only(PETITION_CONFIG, 204),
    request: async (w) => {
      const c = await w.freshCategory()
      return {
        url: `/api/petitions/categories/${c.id}/void`,
        payload: { version: c.version, reason: '矩阵测试' },
      }
    },
  },
  'GET /api/petitions/campaigns': {
    expect: only(PETITION_READERS, 200),
    request: () => ({ url: '/api/petitions/campaigns' }),
  },
  'POST /api/petitions/campaigns': {
    expect: only(PETITION_CONFIG, 201),
    request: () => ({
      url: '/api/petitions/campaigns',
      payload: { name: `矩阵行动${unique()}`, cutoffOn: '2026-01-01' },
    }),
  },
  'POST /api/petitions/campaigns/:id/cases': {
    expect: { ...only(PETITION_WRITERS, 200) },
    request: (w) => ({
      url: `/api/petitions/campaigns/${w.campaignId}/cases`,
      payload: { caseIds: [w.hepingCase.id] },
    }),
  },
  'GET /api/petitions/campaigns/:id/board': {
    expect: only(PETITION_READERS, 200),
    request: (w) => ({ url: `/api/petitions/campaigns/${w.campaignId}/board` }),
  },
  'GET /api/petitions/plans': {
    expect: only(PETITION_READERS, 200),
    request: () => ({ url: '/api/petitions/plans' }),
  },
  'POST /api/petitions/plans': {
    expect: only(PETITION_CONFIG, 201),
    request: (w) => ({
      url: '/api/petitions/plans',
      payload: { categoryId: w.taxonomy.categoryId, title: '矩阵方案', owner: '信访办' },
    }),
  },
  'PATCH /api/petitions/plans/:id': {
    expect: only(PETITION_CONFIG, 200),
    request: async (w) => ({
      url: `/api/petitions/plans/${w.planId}`,
      payload: { version: await w.planVersion(), owner: `信访办${n++}` },
    }),
  },
  'GET /api/petitions/figures': {
    expect: only(PETITION_READERS, 200),
    request: () => ({ url: '/api/petitions/figures' }),
  },
  'GET /api/petitions/settings': {
    expect: only(PETITION_READERS, 200),
    request: () => ({ url: '/api/petitions/settings' }),
  },
  'PATCH /api/petitions/settings': {
    expect: only(PETITION_CONFIG, 200),
    request: () => ({ url: '/api/petitions/settings', payload: { dueSoonDays: 3 } }),
  },
  'POST /api/petitions/retention/run': {
    expect: only(PETITION_CONFIG, 200),
    request: () => ({ url: '/api/petitions/retention/run' }),
  },
  ...SUPERVISION_MATRIX,
  ...RESEARCH_MATRIX,
  ...RECTIFICATION_MATRIX,
  ...STATISTICS_MATRIX,
  ...INDICATORS_MATRIX,
  ...BALANCE_MATRIX,
  ...REPORTS_MATRIX,
  ...SELECTIONS_MATRIX,
}

/**
 * Every method + URL the app answers, read from Fastify's route tree. HEAD routes that mirror a
 * GET are left out, and so are the Swagger UI's static assets.
 */
export function registeredRoutes(app: App): string[] {
  const text = app.printRoutes({ commonPrefix: false })
  const stack: string[] = []
  const out = new Set<string>()
  for (const line of text.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!m) continue
    const depth = (m[1] ?? '').length / 4
    const path = (stack[depth - 1] ?? '') + (m[2] ?? '')
    stack[depth] = path
    stack.length = depth + 1
    const methods = (m[3] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    for (const method of methods) {
      if (method === 'HEAD' && methods.includes('GET')) continue
      if (path.startsWith('/api/docs/static/') || path === '/api/docs/*') continue
      out.add(`${method} ${path}`)
    }
  }
  return [...out].sort()
}

async function send(app: App, client: Client | null, method: string, req: Req): Promise<Response> {
  const headers: Record<string, string> = { 'x-forwarded-for': client?.ip ?? '10.250.0.1' }
  if (client) headers['x-csrf-token'] = client.csrf
  const cookies = client ? { edu_sid: client.token } : undefined
  if (req.multipart) {
    const mp = multipartFile('组织机构.xlsx', req.multipart)
    return app.inject({
      method: method as 'POST',
      url: req.url,
      payload: mp.payload,
      headers: { ...headers, ...mp.headers },
      cookies,
    })
  }
  return app.inject({
    method: method as 'GET',
    url: req.url,
    headers,
    cookies,
    ...(req.payload === undefined ? {} : { payload: req.payload as object }),
  })
}

async function makeWorld(h: Harness): Promise<World> {
  const admin = await h.admin()
  const heping = await h.unitByName('和平区')
  const schoolUser = await h.db
    .selectFrom('users')
    .select('org_unit_id')
    .where('username', '=', 'school_demo')
    .executeTakeFirstOrThrow()
  const other = await h.db
    .selectFrom('org_units')
    .select('name')
    .where('parent_id', '=', heping.id)
    .where('kind', '=', 'school')
    .where('id', '!=', schoolUser.org_unit_id)
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const template = (await admin.get('/api/org-units/import-template.xlsx')).rawPayload
  const ok = await send(h.app, admin, 'POST', { url: '/api/org-units/import', multipart: template })
  // A file with a bad row: the job fails and keeps an error report.
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('数据')
  ws.addRow(['上级单位', '单位名称', '类型', '代码'])
  ws.addRow(['和平区', '矩阵坏行小学', '学校', '123'])
  const bad = await send(h.app, admin, 'POST', {
    url: '/api/org-units/import',
    multipart: Buffer.from(await wb.xlsx.writeBuffer()),
  })
  await h.services.jobs.idle()
  const failedWithReport = (bad.json() as { job: { id: number } }).job.id
  const target = await h.buildUser({ role: 'leader', orgUnitId: (await h.unitByName('示例市')).id })
  const hepingSchool = await h.unitByName(other.name)
  const petitions = await petitionWorld(h, heping)
  const supervision = await supervisionWorld(h, heping)
  const rectification = await rectificationWorld(h, heping, hepingSchool, template)
  const research = await researchWorld(h, heping, supervision.supCampaign)
  const statistics = await statisticsWorld(h)
  const indicators = await indicatorsWorld(h, await h.unitByName('示例市'))
  const balance = await balanceWorld(h, heping)
  const reports = await reportsWorld(h, heping)
  const selections = await selectionsWorld(h.services)
  return {
    ...reports,
    ...selections,
    ...indicators,
    ...balance,
    ...petitions,
    ...supervision,
    ...rectification,
    ...research,
    ...statistics,
    heping,
    hepingSchool,
    city: await h.unitByName('示例市'),
    adminJob: (ok.json() as { job: { id: number } }).job.id,
    adminFailedJob: failedWithReport,
    target,
    template,
    fresh: () => h.buildSchool({ countyId: heping.id }),
    freshUser: () => h.buildUser({ role: 'leader', orgUnitId: heping.id }),
    version: async (id) =>
      (await h.db.selectFrom('org_units').select('version').where('id', '=', id).executeTakeFirstOrThrow())
        .version,
    userVersion: async (id) =>
      (await h.db.selectFrom('users').select('version').where('id', '=', id).executeTakeFirstOrThrow())
        .version,
  }
}

/** Cases, taxonomy, a campaign and a plan for the petition rows, made by the petition office. */
async function petitionWorld(h: Harness, heping: OrgUnit) {
  const office = await h.loginAs('dept_gaojiao', DEMO_PASSWORD)
  const cats = (await office.get('/api/petitions/categories')).json().items as {
    id: number
    parentId: number | null
    version: number
  }[]
  const category = cats.find((c) => c.parentId === null)
  const demand = cats.find((c) => c.parentId === category?.id)
  if (!category || !demand) throw new Error('no taxonomy')
  const taxonomy = { categoryId: category.id, demandId: demand.id, categoryVersion: category.version }
  const partial = { heping, taxonomy } as World
  const freshCase = async () => {
    const r = await office.post('/api/petitions/cases', caseBody(partial))
    if (r.statusCode !== 201) throw new Error(r.body)
    const d = r.json() as { id: number; version: number }
    return { id: d.id, version: d.version }
  }
  const campaign = await office.post('/api/petitions/campaigns', { name: '矩阵专项', cutoffOn: '2026-01-01' })
  const plan = await office.post('/api/petitions/plans', {
    categoryId: category.id,
    title: '矩阵方案',
    owner: '信访办',
  })
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('信访台账')
  ws.addRow([
    '案件编号',
    '登记日期',
    '信访形式',
    '信访人',
    '所属县（市、区）',
    '问题类别',
    '具体诉求',
    '办理状态',
  ])
  ws.addRow(['JZ0001', '2026-01-05', '来信', '矩阵乙', '和平区', '教师待遇类', '工资待遇落实', '办理中'])
  const version = (table: 'petition_categories' | 'petition_plans', id: number) => async () =>
    (await h.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version
  return {
    hepingCase: await freshCase(),
    taxonomy,
    freshCase,
    caseVersion: async (id: number) =>
      (
        await h.db
          .selectFrom('petition_cases')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).version,
    campaignId: (campaign.json() as { id: number }).id,
    planId: (plan.json() as { id: number }).id,
    planVersion: version('petition_plans', (plan.json() as { id: number }).id),
    categoryVersion: version('petition_categories', category.id),
    freshCategory: async () => {
      const r = await office.post('/api/petitions/categories', {
        parentId: category.id,
        name: `作废用${unique()}`,
      })
      return r.json() as { id: number; version: number }
    },
    petitionFile: Buffer.from(await wb.xlsx.writeBuffer()),
  }
}

forEachDatabase(
  'route × role matrix',
  (h) => {
    const sessions = new Map<Who, Client>()
    const clientOf = async (who: Who, fresh = false): Promise<Client | null> => {
      if (who === 'anonymous') return null
      const cached = sessions.get(who)
      if (cached && !fresh) return cached
      const c =
        who === 'admin'
          ? await h.loginAs('admin', 'Admin12345')
          : await h.loginAs(DEMO_USER[who], DEMO_PASSWORD)
      if (!fresh) sessions.set(who, c)
      return c
    }
    let world: World | undefined
    const getWorld = async () => {
      world ??= await makeWorld(h)
      return world
    }

    it('has a row for every registered route, and no row for a route that is gone', () => {
      const routes = registeredRoutes(h.app)
      // The parser sees the routes OpenAPI documents (a sanity check of the parser itself).
      expect(routes).toContain('PATCH /api/org-units/:id')
      expect(routes).toContain('GET /api/org-units/import-template.xlsx')
      expect(routes.length).toBeGreaterThan(25)
      expect(routes.filter((r) => !(r in MATRIX))).toEqual([])
      expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([])
    })

    for (const [route, row] of Object.entries(MATRIX)) {
      it(route, async () => {
        const [method, url] = route.split(' ') as [string, string]
        const w = await getWorld()
        const actual = {} as Expected
        const bodies: Partial<Record<Who, string>> = {}
        for (const who of ROLES) {
          const client = await clientOf(who, row.ownSession)
          const res = await send(h.app, client, method, await row.request(w, who))
          actual[who] = res.statusCode
          bodies[who] = res.body
          if (res.statusCode >= 400) {
            expect(errorOf(res).code, `${route} as ${who}`).toEqual(expect.any(String))
          }
        }
        expect(actual, `${url}: ${JSON.stringify(bodies).slice(0, 600)}`).toEqual(row.expect)
      })
    }

    describe('scope', () => {
      it('a county user cannot read, edit, move into, create under or void another county’s units: 404, nothing disclosed', async () => {
        const county = await clientOf('county')
        if (!county) throw new Error('no client')
        const shenhe = await h.unitByName('沈河区')
        const shenheSchool = await h.db
          .selectFrom('org_units')
          .selectAll()
          .where('parent_id', '=', shenhe.id)
          .orderBy('id')
          .executeTakeFirstOrThrow()
        const mySchool = await h.buildSchool({ countyId: (await h.unitByName('和平区')).id })
        const attempts: [string, string, unknown][] = [
          ['GET', `/api/org-units/${shenhe.id}`, undefined],
          ['GET', `/api/org-units/${shenheSchool.id}`, undefined],
          ['PATCH', `/api/org-units/${shenheSchool.id}`, { version: shenheSchool.version, name: '被改名' }],
          [
            'POST',
            `/api/org-units/${shenheSchool.id}/void`,
            { version: shenheSchool.version, reason: '越权' },
          ],
          [
            'POST',
            `/api/org-units/${shenheSchool.id}/move`,
            { version: shenheSchool.version, parentId: mySchool.parentId },
          ],
          ['POST', `/api/org-units/${mySchool.id}/move`, { version: mySchool.version, parentId: shenhe.id }],
          [
            'POST',
            '/api/org-units',
            { parentId: shenhe.id, kind: 'school', name: '越权小学', code: '2101039999' },
          ],
        ]
        for (const [method, url, payload] of attempts) {
          const res = await send(h.app, county, method, { url, payload })
          expect(res.statusCode, `${method} ${url}`).toBe(404)
          expect(errorOf(res).code).toBe('not_found')
          for (const secret of [shenhe.name, shenhe.code ?? '', shenheSchool.name, shenhe.path]) {
            expect(res.body).not.toContain(secret)
          }
        }
        // Nothing changed.
        expect(
          await h.db
            .selectFrom('org_units')
            .selectAll()
            .where('id', '=', shenheSchool.id)
            .executeTakeFirstOrThrow(),
        ).toEqual(shenheSchool)
        expect(
          (
            await h.db
              .selectFrom('org_units')
              .select('parent_id')
              .where('id', '=', mySchool.id)
              .executeTakeFirstOrThrow()
          ).parent_id,
        ).toBe(mySchool.parentId)
        expect(
          await h.db.selectFrom('org_units').select('id').where('name', '=', '越权小学').execute(),
        ).toEqual([])
      })

      it('a county user edits its schools but not its own county unit, nor the city above it', async () => {
        const county = await clientOf('county')
        const heping = await h.unitByName('和平区')
        const own = await send(h.app, county, 'PATCH', {
          url: `/api/org-units/${heping.id}`,
          payload: { version: heping.version, name: '和平区改名' },
        })
        expect(own.statusCode).toBe(403)
        expect(errorOf(own).code).toBe('out_of_scope')
        const city = await h.unitByName('示例市')
        const up = await send(h.app, county, 'PATCH', {
          url: `/api/org-units/${city.id}`,
          payload: { version: city.version, name: '改' },
        })
        expect(up.statusCode).toBe(404)
        expect((await h.unitByName('和平区')).name).toBe('和平区')
      })

      it('lists, trees, exports and searches hold only the caller’s subtree', async () => {
        const county = await clientOf('county')
        const heping = await h.unitByName('和平区')
        const shenhe = await h.unitByName('沈河区')
        const list = (await send(h.app, county, 'GET', { url: '/api/org-units?pageSize=500' })).json() as {
          items: OrgUnit[]
          total: number
        }
        expect(list.items.length).toBeGreaterThan(10)
        expect(list.items.every((u) => u.path.startsWith(heping.path))).toBe(true)
        const underShenhe = (
          await send(h.app, county, 'GET', { url: `/api/org-units?parentId=${shenhe.id}` })
        ).json()
        expect(underShenhe).toEqual({ items: [], total: 0 })
        const search = (
          await send(h.app, county, 'GET', { url: `/api/org-units?q=${encodeURIComponent('沈河')}` })
        ).json()
        expect(search).toEqual({ items: [], total: 0 })
        const voided = (
          await send(h.app, county, 'GET', { url: '/api/org-units/tree?includeVoided=true' })
        ).json() as { items: OrgUnit[] }
        expect(voided.items.every((u) => u.path.startsWith(heping.path))).toBe(true)

        const school = await clientOf('school')
        const mine = (await send(h.app, school, 'GET', { url: '/api/org-units/tree' })).json() as {
          items: OrgUnit[]
        }
        expect(mine.items).toHaveLength(1)
        const leader = await clientOf('leader')
        const root = await h.root()
        expect((await send(h.app, leader, 'GET', { url: `/api/org-units/${root.id}` })).statusCode).toBe(404)
        const all = (await send(h.app, leader, 'GET', { url: `/api/org-units?kind=province` })).json()
        expect(all).toEqual({ items: [], total: 0 })
      })

      it('users: only admins manage them, auditors read them, and an admin scoped to a county stays in it', async () => {
        for (const who of ['leader', 'department', 'county', 'school', 'expert'] as const) {
          const res = await send(h.app, await clientOf(who), 'GET', { url: '/api/users' })
          expect(res.statusCode, who).toBe(403)
          expect(errorOf(res).code).toBe('forbidden')
          expect(res.body).not.toContain('admin')
        }
        const heping = await h.unitByName('和平区')
        const shenhe = await h.unitByName('沈河区')
        const countyAdmin = await h.buildUser({ role: 'admin', orgUnitId: heping.id })
        const inShenhe = await h.buildUser({ role: 'county', orgUnitId: shenhe.id })
        const c = await h.loginAs(countyAdmin.username, countyAdmin.password)
        const list = (await c.get('/api/users?pageSize=500')).json() as { items: UserView[] }
        expect(list.items.map((u) => u.username)).toContain('county_heping')
        expect(list.items.map((u) => u.username)).not.toContain(inShenhe.username)
        expect(list.items.map((u) => u.username)).not.toContain('admin')
        const exported = await c.get('/api/users/export.xlsx')
        expect(exported.statusCode).toBe(200)
        const [sheet] = await readWorkbook(exported.rawPayload)
        const cells = JSON.stringify(sheet?.rows ?? [])
        expect(cells).toContain('county_heping')
        expect(cells).not.toContain(inShenhe.username)
        const patch = await c.patch(`/api/users/${inShenhe.id}`, {
          version: inShenhe.version,
          displayName: '越权',
        })
        expect(patch.statusCode).toBe(404)
        const reset = await c.post(`/api/users/${inShenhe.id}/reset-password`, { password: 'Hijacked2026x' })
        expect(reset.statusCode).toBe(404)
        const create = await c.post('/api/users', {
          username: `x_${unique()}`,
          displayName: '越权',
          role: 'county',
          orgUnitId: shenhe.id,
          password: DEFAULT_PASSWORD,
        })
        expect(create.statusCode).toBe(404)
        // Nor can it lift a user out of its scope, or promote anyone above it.
        const mine = await h.buildUser({ role: 'county', orgUnitId: heping.id })
        const lift = await c.patch(`/api/users/${mine.id}`, { version: mine.version, orgUnitId: shenhe.id })
        expect(lift.statusCode).toBe(404)
        expect((await h.loginAs(inShenhe.username, inShenhe.password)).user.displayName).not.toBe('越权')
      })

      it('a job is seen by the one who started it and by admins only', async () => {
        const county = await clientOf('county')
        if (!county) throw new Error('no client')
        const w = await getWorld()
        const started = await send(h.app, county, 'POST', {
          url: '/api/org-units/import',
          multipart: w.template,
        })
        expect(started.statusCode).toBe(202)
        const id = (started.json() as { job: { id: number } }).job.id
        await h.services.jobs.idle()
        expect((await send(h.app, county, 'GET', { url: `/api/jobs/${id}` })).statusCode).toBe(200)
        expect(
          (await send(h.app, await clientOf('admin'), 'GET', { url: `/api/jobs/${id}` })).statusCode,
        ).toBe(200)
        for (const who of ['leader', 'school', 'auditor', 'expert', 'department'] as const) {
          const res = await send(h.app, await clientOf(who), 'GET', { url: `/api/jobs/${id}` })
          expect(res.statusCode, who).toBe(404)
        }
        expect((await send(h.app, county, 'GET', { url: '/api/jobs/999999' })).statusCode).toBe(404)
      })

      it('a changed role takes effect at once: the user’s sessions end', async () => {
        const admin = await clientOf('admin')
        const u = await h.buildUser({ role: 'auditor', orgUnitId: (await h.unitByName('示例市')).id })
        const c = await h.loginAs(u.username, u.password)
        expect((await c.get('/api/audit')).statusCode).toBe(200)
        const res = await send(h.app, admin, 'PATCH', {
          url: `/api/users/${u.id}`,
          payload: { version: u.version, role: 'leader' },
        })
        expect(res.statusCode).toBe(200)
        expect((await c.get('/api/audit')).statusCode).toBe(401)
        const again = await h.loginAs(u.username, u.password)
        expect((await again.get('/api/audit')).statusCode).toBe(403)
      })
    })
  },
  { demo: 'city' },
)
