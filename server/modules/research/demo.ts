/**
 * Loads the research demo (调研课题示例数据, planned in demo-plan.ts) into a database that has the
 * demo org tree: the campaign and each topic through the same checks as the API (`writeCampaign`,
 * `writeTopic`), then what happened since, dated in the past (visits, findings, reports, files).
 * Findings that became problems are the rectification demo's problems from research (source
 * 调研发现), each linked to a topic that had started visiting by the day it was found, so the
 * problem ledger keeps its own numbers. Loading twice does nothing the second time.
 */
import { createHash } from 'node:crypto'
import { recordAudit } from '../../audit/record.js'
import { type Actor, type Ctx, type Services, SYSTEM_ACTOR, type Tx } from '../../context.js'
import { createRng } from '../../demo/random.js'
import { insertAttachment } from '../attachments/repository.js'
import { allItems, CATEGORIES, DEFAULT_CATEGORIES, seedItems } from '../rectification/lists.js'
import { writeCampaign } from '../supervision/campaigns.js'
import { listAspects } from '../supervision/repository.js'
import { TOPIC_FILES } from './attachments.js'
import { writeTopic } from './create-topic.js'
import { type DemoUnit, type PlannedTopic, planResearchDemo, type ResearchDemoOptions } from './demo-plan.js'
import { DEMO_RESEARCH_ASPECTS, DEMO_RESEARCH_CAMPAIGN } from './demo-texts.js'
import { insertEvents, insertFinding, insertVisit } from './repository.js'

const ACTOR_NAME = '系统（示例数据）'
/** Linked problems per city batch: a share of the rectification demo's research problems. */
const LINKS_PER_ROUND = 12

const PDF_TEXT = 'BT /F1 18 Tf 72 770 Td (Research report \\(demo\\)) Tj ET'
/** A one-page PDF that says "Research report (demo)": the file of some demo reports. */
export const DEMO_REPORT_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    `4 0 obj<</Length ${PDF_TEXT.length}>>stream\n${PDF_TEXT}\nendstream endobj\n` +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
)
const PDF_SHA = createHash('sha256').update(DEMO_REPORT_PDF).digest('hex')

/** 10:00 in Shanghai on a day: when demo events "happened". */
const atOf = (on: string) => `${on}T02:00:00.000Z`

async function demoUnits(db: Tx): Promise<DemoUnit[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'parent_id', 'kind', 'name', 'short_name'])
    .where('voided_at', 'is', null)
    .where('kind', 'in', ['province', 'city', 'county', 'department', 'school'])
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind,
    name: r.name,
    shortName: r.short_name,
  }))
}

type Event = { on: string; action: string; detail: Record<string, unknown> }

export async function loadResearchDemo(
  services: Services,
  opts: ResearchDemoOptions,
): Promise<{ campaignId: number; topics: number; findings: number; converted: number; skipped: boolean }> {
  const actor: Actor = { ...SYSTEM_ACTOR, displayName: ACTOR_NAME }
  const ctx: Ctx = { ...services, actor, locale: 'zh-CN' }
  return services.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('supervision_campaigns')
      .select('id')
      .where('name', '=', DEMO_RESEARCH_CAMPAIGN)
      .where('voided_at', 'is', null)
      .executeTakeFirst()
    if (existing) return { campaignId: existing.id, topics: 0, findings: 0, converted: 0, skipped: true }
    await seedItems(trx, CATEGORIES, DEFAULT_CATEGORIES, services.now().toISOString())
    const categories = (await allItems(trx, CATEGORIES)).filter((c) => !c.voided_at).map((c) => c.id)
    const units = await demoUnits(trx)
    const plan = planResearchDemo(units, opts, categories.length)
    const campaignId = await writeCampaign(trx, ctx, {
      name: DEMO_RESEARCH_CAMPAIGN,
      kind: 'theme',
      orgUnitId: plan.ownerUnitId,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      description:
        '围绕教育改革发展和群众急难愁盼问题，在十二个方面确定调研课题，由局领导领题、处室和区县牵头，深入基层开展实地调研，把发现的问题转为整改清单。',
      aspects: DEMO_RESEARCH_ASPECTS.map((a) => ({ name: a.name })),
    })
    const aspects = await listAspects(trx, [campaignId])
    const placed: { id: number; p: PlannedTopic }[] = []
    let findings = 0
    for (const p of plan.topics) {
      const id = await writeTopic(
        trx,
        ctx,
        {
          code: p.code,
          title: p.title,
          campaignId,
          aspectId: aspects[p.aspect]?.id ?? (aspects[0]?.id as number),
          ownerUnitId: p.ownerUnitId,
          leaderName: p.leader,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          plannedUnitIds: p.plannedUnitIds,
          description: p.description,
        },
        'demo',
      )
      findings += await replay(trx, id, p, categories)
      placed.push({ id, p })
    }
    const converted = await linkProblems(trx, placed, units, opts, plan.topics.length / 48)
    await recordAudit(trx, services, actor, {
      action: 'research.demo.load',
      entity: 'supervision_campaign',
      entityId: campaignId,
      after: { seed: opts.seed, scale: opts.scale, today: opts.today, topics: plan.topics.length, converted },
    })
    return {
      campaignId,
      topics: plan.topics.length,
      findings: findings + converted,
      converted,
      skipped: false,
    }
  })
}

/** What happened to a topic since it was set, written with the plan's dates; answers its findings. */
async function replay(trx: Tx, id: number, p: PlannedTopic, categories: number[]): Promise<number> {
  const events: Event[] = []
  await trx
    .updateTable('research_topic_events')
    .set({ at: atOf(p.createdOn), on_date: p.createdOn })
    .where('topic_id', '=', id)
    .execute()
  p.visits.forEach((v, i) => {
    if (i === 0)
      events.push({ on: v.on, action: 'start', detail: { from: 'planned', to: 'in_progress', auto: true } })
  })
  for (const v of p.visits) {
    const visitId = await insertVisit(trx, {
      topic_id: id,
      visited_on: v.on,
      org_unit_id: v.unitId,
      participants: v.participants,
      note: v.note,
      created_by: null,
      author_name: ACTOR_NAME,
      created_at: atOf(v.on),
      voided_at: null,
      void_reason: null,
    })
    events.push({ on: v.on, action: 'visit_add', detail: { visitId, unitId: v.unitId } })
  }
  for (const f of p.findings) {
    const findingId = await insertFinding(trx, {
      topic_id: id,
      text: f.text,
      category_id: categories[f.category] ?? (categories[0] as number),
      responsible_unit_id: f.unitId,
      found_on: f.on,
      problem_id: null,
      converted_at: null,
      converted_by_name: null,
      version: 1,
      created_by: null,
      author_name: ACTOR_NAME,
      created_at: atOf(f.on),
      voided_at: null,
      void_reason: null,
    })
    events.push({ on: f.on, action: 'finding_add', detail: { findingId } })
  }
  if (p.reportedOn) {
    if (p.withFile) {
      const attachmentId = await insertAttachment(trx, {
        owner_type: TOPIC_FILES,
        owner_id: id,
        filename: `${p.code}调研报告.pdf`,
        content_type: 'application/pdf',
        file_type: 'pdf',
        size_bytes: DEMO_REPORT_PDF.length,
        sha256: PDF_SHA,
        bytes: DEMO_REPORT_PDF,
        note: '',
        uploaded_by: null,
        uploaded_by_name: ACTOR_NAME,
        created_at: atOf(p.reportedOn),
        voided_at: null,
        void_reason: null,
      })
      events.push({
        on: p.reportedOn,
        action: 'attachment_add',
        detail: { attachmentId, filename: `${p.code}调研报告.pdf` },
      })
    }
    events.push({ on: p.reportedOn, action: 'report', detail: { from: 'in_progress', to: 'reported' } })
  }
  if (p.concludedOn)
    events.push({ on: p.concludedOn, action: 'conclude', detail: { from: 'reported', to: 'concluded' } })
  const lastOn = [p.createdOn, ...events.map((e) => e.on)].sort().at(-1) ?? p.createdOn
  await trx
    .updateTable('research_topics')
    .set({
      status: p.status,
      report_summary: p.summary,
      reported_on: p.reportedOn,
      concluded_on: p.concludedOn,
      created_at: atOf(p.createdOn),
      updated_at: atOf(lastOn),
    })
    .where('id', '=', id)
    .execute()
  await insertDemoEvents(trx, id, events)
  return p.findings.length
}

function insertDemoEvents(trx: Tx, topicId: number, events: Event[]) {
  // Sorted by day, stable within a day: the order they were planned in.
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.on.localeCompare(b.e.on) || a.i - b.i)
  return insertEvents(
    trx,
    sorted.map(({ e }) => ({
      topic_id: topicId,
      at: atOf(e.on),
      on_date: e.on,
      action: e.action,
      actor_id: null,
      actor_name: ACTOR_NAME,
      detail_json: JSON.stringify(e.detail),
    })),
  )
}

/**
 * Links the rectification demo's research problems to topics that could have found them: a
 * county's or a school's problem to a topic that visited that county (itself or one of its
 * schools), a department's to a topic it owns; the topic had visited by the day the problem was
 * found and was not concluded yet. Among those, the seed chooses.
 */
async function linkProblems(
  trx: Tx,
  placed: { id: number; p: PlannedTopic }[],
  units: readonly DemoUnit[],
  opts: ResearchDemoOptions,
  rounds: number,
): Promise<number> {
  const byId = new Map(units.map((u) => [u.id, u]))
  /** The county a unit lies in (itself for a county), null for others. */
  const countyOf = (id: number): number | null => {
    for (let u = byId.get(id); u; u = u.parentId === null ? undefined : byId.get(u.parentId))
      if (u.kind === 'county') return u.id
    return null
  }
  const problems = await trx
    .selectFrom('rectification_problems')
    .select(['id', 'code', 'description', 'category_id', 'responsible_unit_id', 'found_on', 'created_at'])
    .where('source', '=', 'research_finding')
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute()
  const rng = createRng(opts.seed).fork('research-links')
  const wanted = LINKS_PER_ROUND * rounds
  let linked = 0
  for (const pr of problems) {
    if (linked >= wanted) break
    const county = countyOf(pr.responsible_unit_id)
    const candidates = placed.filter(({ p }) => {
      const first = p.visits[0]?.on
      if (!first || first > pr.found_on || (p.concludedOn ?? opts.today) < pr.found_on) return false
      if (county === null) return p.ownerUnitId === pr.responsible_unit_id
      return p.visits.some((v) => countyOf(v.unitId) === county)
    })
    if (candidates.length === 0) continue
    const { id } = rng.pick(candidates)
    const findingId = await insertFinding(trx, {
      topic_id: id,
      text: pr.description,
      category_id: pr.category_id,
      responsible_unit_id: pr.responsible_unit_id,
      found_on: pr.found_on,
      problem_id: pr.id,
      converted_at: pr.created_at,
      converted_by_name: ACTOR_NAME,
      version: 2,
      created_by: null,
      author_name: ACTOR_NAME,
      created_at: atOf(pr.found_on),
      voided_at: null,
      void_reason: null,
    })
    await insertDemoEvents(trx, id, [
      { on: pr.found_on, action: 'finding_add', detail: { findingId } },
      {
        on: pr.found_on,
        action: 'finding_to_problem',
        detail: { findingId, problemId: pr.id, problemCode: pr.code },
      },
    ])
    linked++
  }
  return linked
}
