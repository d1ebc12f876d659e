/**
 * The research demo as data, pure and deterministic for (seed, scale, today, the tree): one
 * campaign of twelve aspects with four topics each (48 for the city, ×10 for the province, one
 * batch per city), owned by the city's departments or, for some aspects, by its county bureaus;
 * each topic moved only as far as `today` allows, with field visits across the city's districts
 * and schools, reports (some with a file) and findings.
 */
import { addDays, daysBetween } from '../../../domain/calendar/calendar.js'
import { createRng, type Rng } from '../../demo/random.js'
import { DEMO_LEADERS, DEMO_PARTICIPANTS, DEMO_RESEARCH_ASPECTS, DEMO_VISIT_NOTES } from './demo-texts.js'

export interface DemoUnit {
  id: number
  parentId: number | null
  kind: string
  name: string
  shortName: string
}

export interface PlannedVisit {
  on: string
  unitId: number
  participants: string
  note: string
}
export interface PlannedFinding {
  on: string
  text: string
  /** Index into the category list. */
  category: number
  unitId: number
}
export interface PlannedTopic {
  code: string
  aspect: number
  title: string
  ownerUnitId: number
  leader: string
  startsOn: string
  endsOn: string
  createdOn: string
  plannedUnitIds: number[]
  description: string
  status: 'planned' | 'in_progress' | 'reported' | 'concluded'
  visits: PlannedVisit[]
  findings: PlannedFinding[]
  reportedOn: string | null
  summary: string | null
  concludedOn: string | null
  /** The report comes with its file (a PDF). */
  withFile: boolean
}
export interface ResearchDemoPlan {
  ownerUnitId: number
  startsOn: string
  endsOn: string
  topics: PlannedTopic[]
}

export interface ResearchDemoOptions {
  seed: number
  scale: 'city' | 'province'
  /** YYYY-MM-DD in China: nothing happens after it. */
  today: string
}

const firstOfMonth = (d: string) => `${d.slice(0, 7)}-01`
const minDate = (a: string, b: string) => (a < b ? a : b)
const maxDate = (a: string, b: string) => (a > b ? a : b)
function between(rng: Rng, from: string, to: string): string {
  if (to <= from) return from
  return addDays(from, rng.int(0, daysBetween(from, to)))
}

interface Region {
  city: DemoUnit
  departments: Map<string, DemoUnit>
  counties: DemoUnit[]
  schoolsOf: (countyId: number) => DemoUnit[]
}

function regionsOf(units: readonly DemoUnit[], scale: 'city' | 'province') {
  const cities = units.filter((u) => u.kind === 'city').sort((a, b) => a.id - b.id)
  const sample = cities.find((c) => c.name === '示例市') ?? cities[0]
  if (!sample) throw new Error('the research demo needs the demo org tree (no city found)')
  const children = new Map<number, DemoUnit[]>()
  for (const u of units)
    if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u])
  const region = (city: DemoUnit): Region => {
    const under = children.get(city.id) ?? []
    return {
      city,
      departments: new Map(under.filter((u) => u.kind === 'department').map((u) => [u.name, u])),
      counties: under.filter((u) => u.kind === 'county').sort((a, b) => a.id - b.id),
      schoolsOf: (id) =>
        (children.get(id) ?? []).filter((u) => u.kind === 'school').sort((a, b) => a.id - b.id),
    }
  }
  const root = units.find((u) => u.parentId === null)
  return {
    owner: scale === 'province' && root ? root : sample,
    regions: (scale === 'province' ? [sample, ...cities.filter((c) => c.id !== sample.id)] : [sample]).map(
      region,
    ),
  }
}

const STATUS_PAST = [
  ['concluded', 45],
  ['reported', 30],
  ['in_progress', 20],
  ['planned', 5],
] as const
const STATUS_RUNNING = [
  ['in_progress', 60],
  ['planned', 20],
  ['reported', 20],
] as const

/** The whole demo as data: the same for the same seed, scale, today and tree. */
export function planResearchDemo(
  units: readonly DemoUnit[],
  opts: ResearchDemoOptions,
  categories: number,
): ResearchDemoPlan {
  const { owner, regions } = regionsOf(units, opts.scale)
  const today = opts.today
  const rounds = opts.scale === 'province' ? 10 : 1
  // Research opens the campaign: from the first of the month eight months ago, for eleven months.
  const startsOn = firstOfMonth(addDays(today, -240))
  const endsOn = addDays(firstOfMonth(addDays(firstOfMonth(today), 95)), -1)
  const root = createRng(opts.seed).fork('research')
  const topics: PlannedTopic[] = []
  let seq = 0

  for (let round = 0; round < rounds; round++) {
    const region = regions[round % regions.length] as Region
    const rng = root.fork(`round-${round}`)
    const counties = rng.shuffle(region.counties)
    const cityName = region.city.shortName || region.city.name
    const suffix =
      round === 0 ? '' : round < regions.length ? `（${cityName}）` : `（${cityName}·${round + 1}）`
    let countyTurn = 0
    DEMO_RESEARCH_ASPECTS.forEach((aspect, a) => {
      aspect.topics.forEach((base, k) => {
        const t = rng.fork(`topic-${a}-${k}`)
        const county = counties[countyTurn % Math.max(1, counties.length)]
        const countyOwns = aspect.county && county !== undefined && t.chance(0.3)
        if (countyOwns) countyTurn++
        const ownerUnit =
          countyOwns && county ? county : (region.departments.get(aspect.department) ?? region.city)
        // Where to go: a county bureau visits its schools; the city visits counties, now and then
        // a school of one of them or the city bureau itself.
        let planned: DemoUnit[]
        if (countyOwns && county) {
          const schools = t.shuffle(region.schoolsOf(county.id)).slice(0, t.int(2, 3))
          planned = schools.length ? schools : [county]
        } else {
          planned = t.shuffle(counties).slice(0, t.int(2, 4))
          const first = planned[0]
          const school = first ? t.shuffle(region.schoolsOf(first.id))[0] : undefined
          if (school && t.chance(0.4)) planned.push(school)
          if (t.chance(0.15)) planned.push(region.city)
        }
        const start = between(t, startsOn, addDays(startsOn, 150))
        const end = minDate(endsOn, addDays(start, t.int(45, 120)))
        const status: PlannedTopic['status'] =
          start > today ? 'planned' : t.weighted(end < today ? STATUS_PAST : STATUS_RUNNING)
        seq++
        const topic: PlannedTopic = {
          code: `DY${startsOn.slice(0, 4)}-${String(seq).padStart(3, '0')}`,
          aspect: a,
          title: `${base}${suffix}`,
          ownerUnitId: ownerUnit.id,
          leader: t.pick(DEMO_LEADERS),
          startsOn: start,
          endsOn: end,
          createdOn: minDate(today, maxDate(startsOn, addDays(start, -t.int(3, 14)))),
          plannedUnitIds: planned.map((u) => u.id),
          description: `围绕“${aspect.name}”，了解${base.replace(/(情况)?调研$/, '')}的现状、问题和群众期盼，提出对策建议。`,
          status,
          visits: [],
          findings: [],
          reportedOn: null,
          summary: null,
          concludedOn: null,
          withFile: false,
        }
        if (status !== 'planned') live(t, topic, planned, region, today, aspect.findings, categories)
        topics.push(topic)
      })
    })
  }
  return { ownerUnitId: owner.id, startsOn, endsOn, topics }
}

/** What happened to a started topic by today: visits, findings, the report and its conclusion. */
function live(
  t: Rng,
  topic: PlannedTopic,
  planned: DemoUnit[],
  region: Region,
  today: string,
  texts: readonly string[],
  categories: number,
) {
  const done = topic.status === 'reported' || topic.status === 'concluded'
  // Visits happen within the plan; a reported topic leaves a little time for the report.
  const until = minDate(today, done ? addDays(topic.endsOn, -5) : topic.endsOn)
  const dates = Array.from({ length: t.int(1, 4) }, () => between(t, topic.startsOn, until)).sort()
  dates.forEach((on, i) => {
    let unit = planned[i % planned.length] as DemoUnit
    // Visiting a county, the group often stops at one of its schools.
    const schools = unit.kind === 'county' ? region.schoolsOf(unit.id).slice(0, 20) : []
    if (schools.length > 0 && t.chance(0.35)) unit = t.pick(schools)
    topic.visits.push({
      on,
      unitId: unit.id,
      participants: t.pick(DEMO_PARTICIPANTS),
      note: t.pick(DEMO_VISIT_NOTES),
    })
  })
  const first = dates[0] ?? topic.startsOn
  const last = dates[dates.length - 1] ?? topic.startsOn
  if (done) {
    topic.reportedOn = between(t, last, minDate(today, addDays(topic.endsOn, 10)))
    if (topic.status === 'concluded') topic.concludedOn = between(t, topic.reportedOn, today)
    topic.withFile = t.chance(0.4)
  }
  const visited = topic.visits.map((v) => v.unitId)
  for (const text of t.shuffle(texts).slice(0, t.int(0, 2)))
    topic.findings.push({
      on: between(t, first, topic.reportedOn ?? today),
      text,
      category: t.int(0, Math.max(0, categories - 1)),
      unitId: t.pick(visited),
    })
  if (done) {
    const counties = new Set(planned.filter((u) => u.kind === 'county').map((u) => u.id)).size
    topic.summary =
      `课题组先后${topic.visits.length}次深入${counties ? `${counties}个县（市、区）` : '基层学校'}开展实地调研，` +
      `召开座谈会、个别访谈，形成调研报告，梳理问题${topic.findings.length}个，提出对策建议。`
  }
}
