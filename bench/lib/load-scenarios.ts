/**
 * What bench/load.ts asks for: each route as a list of paths a crowd of province admins would
 * send (filters, pages, dates varied), built from the demo's own ids so no request is a 404.
 */
import { json } from './http.js'

export interface Scenario {
  label: string
  /**
   * List routes carry the p99 goal (issue 8); dashboards are measured against the floor only; the
   * reference is our own cheapest route, to tell the app's per-request cost from the route's.
   */
  kind: 'reference' | 'list' | 'dashboard'
  /** Said in the output: what varies from one request to the next. */
  varied: string
  paths: string[]
}

/** The web's page size for every list (CasesTab, TasksTab, ProblemsTab). */
const PAGE_SIZE = 20

/** A fixed shuffle, so neighbouring requests differ and every run sends the same sequence. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  let seed = 20_261_127
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    const j = seed % (i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

const query = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')

const days = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000)).map((d) =>
    d.toISOString().slice(0, 10),
  )

export async function scenarios(url: string, cookie: string): Promise<Scenario[]> {
  const counties = (await json(`${url}/api/org-units?kind=county&pageSize=500`, cookie)) as {
    items: { id: number }[]
  }
  const petitionCampaigns = (await json(`${url}/api/petitions/campaigns`, cookie)) as {
    items: { id: number }[]
  }
  const taskCampaigns = (await json(`${url}/api/supervision/campaigns`, cookie)) as {
    items: { id: number; tasks: number; aspects: { id: number }[] }[]
  }
  const main = taskCampaigns.items.reduce((a, b) => (b.tasks > a.tasks ? b : a))

  const caseStatuses = ['handling', 'replied', 'registered', 'extended']
  const cases = counties.items.flatMap((c) =>
    caseStatuses.flatMap((status) =>
      [1, 2, 3].map(
        (page) => `/api/petitions/cases?${query({ countyId: c.id, status, page, pageSize: PAGE_SIZE })}`,
      ),
    ),
  )

  const taskFilters = [
    {},
    { status: 'in_progress' },
    { status: 'not_started' },
    { status: 'done' },
    { dueState: 'overdue' },
    { dueState: 'due_soon' },
    { dueState: 'open' },
    ...main.aspects.map((a) => ({ aspectId: a.id })),
  ]
  const tasks = taskFilters.flatMap((f) =>
    [1, 2, 3].map(
      (page) => `/api/supervision/tasks?${query({ campaignId: main.id, ...f, page, pageSize: PAGE_SIZE })}`,
    ),
  )

  const problemFilters = [
    {},
    { status: 'open' },
    { status: 'rectifying' },
    { status: 'rectified' },
    { status: 'signed_off' },
    { overdue: 'true' },
    { source: 'self_review' },
    { source: 'research_finding' },
  ]
  const problems = problemFilters.flatMap((f) =>
    [1, 2, 3, 4, 5].map(
      (page) => `/api/rectification/problems?${query({ ...f, page, pageSize: PAGE_SIZE })}`,
    ),
  )

  // Every request a new (campaign, as-of) pair, and more pairs than the figures cache holds (200):
  // as for a crowd of different viewers (the cache is per viewer), each answer is computed.
  const campaignChoices = [undefined, ...petitionCampaigns.items.map((c) => c.id)]
  const figures = days('2025-01-01', 400).flatMap((asOf) =>
    campaignChoices.map((campaignId) => `/api/petitions/figures?${query({ campaignId, asOf })}`),
  )

  // What the supervision dashboard loads (DashboardTab): the campaigns, the figures, and the
  // campaign's top-level tasks in pages of 200 for its charts; for the main campaign and for all.
  const board = [main.id, undefined].flatMap((campaignId) => [
    '/api/supervision/campaigns',
    `/api/supervision/figures?${query({ campaignId })}`,
    `/api/supervision/tasks?${query({ campaignId, topLevel: 'true', page: 1, pageSize: 200 })}`,
    `/api/supervision/tasks?${query({ campaignId, topLevel: 'true', page: 2, pageSize: 200 })}`,
  ])

  return [
    {
      label:
        'reference: our cheapest route (`GET /api/health`: cookie, session lookup, one tiny query, request log)',
      kind: 'reference',
      varied: 'nothing (one URL, no cache involved)',
      paths: ['/api/health'],
    },
    {
      label: 'petition list, filtered (`GET /api/petitions/cases`)',
      kind: 'list',
      varied: `county (${counties.items.length}) × status (4) × page (1–3), page size ${PAGE_SIZE}: ${cases.length} distinct URLs, shuffled`,
      paths: shuffled(cases),
    },
    {
      label: 'key-task list (`GET /api/supervision/tasks`)',
      kind: 'list',
      varied: `campaign ${main.id} × ${taskFilters.length} filters (none, 3 statuses, 3 due states, ${main.aspects.length} aspects) × page (1–3), page size ${PAGE_SIZE}: ${tasks.length} URLs`,
      paths: shuffled(tasks),
    },
    {
      label: 'rectification problem list (`GET /api/rectification/problems`)',
      kind: 'list',
      varied: `${problemFilters.length} filters (none, 4 statuses, overdue, 2 sources) × page (1–5), page size ${PAGE_SIZE}: ${problems.length} URLs`,
      paths: shuffled(problems),
    },
    {
      label: 'petitions dashboard figures (`GET /api/petitions/figures`)',
      kind: 'dashboard',
      varied: `as-of date (400 days) × campaign (all or ${petitionCampaigns.items.length}): ${figures.length} URLs, more than the 200-entry per-viewer cache, so none is a cache hit`,
      paths: shuffled(figures),
    },
    {
      label: 'supervision dashboard (campaigns + `GET /api/supervision/figures` + top-level tasks by 200)',
      kind: 'dashboard',
      varied: `the page's 4 calls for campaign ${main.id} and for all campaigns, in turn: ${board.length} URLs`,
      paths: board,
    },
  ]
}
