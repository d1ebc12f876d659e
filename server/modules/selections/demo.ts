/**
 * Loads the selections demo (demo-plan.ts) under 示例市 (the same in the city and province demos):
 * eight pool experts with accounts (password as every demo account, copied from expert_demo) plus
 * expert_demo, four rubrics (the high-school one revised), and three programmes through the same
 * writers and draw as the API — the craftsman bases and the innovation colleges final, the
 * high-school accreditation in review with expert_demo's sheets still to do (blind review).
 * Scores are drawn from the seed. About fifty applications: quick at either scale. Loading twice
 * does nothing the second time.
 */

import { addDays } from '../../../domain/calendar/calendar.js'
import { noticeEnds } from '../../../domain/selections/notice.js'
import { scoreSheet } from '../../../domain/selections/rubric.js'
import { type Ctx, type Services, SYSTEM_ACTOR, type Tx } from '../../context.js'
import { DEMO_PEOPLE } from '../../demo/name-pools.js'
import { createRng, type Rng } from '../../demo/random.js'
import { sha256 } from '../attachments/add-attachment.js'
import { insertAttachment } from '../attachments/repository.js'
import { workCalendar } from '../calendar/work-calendar.js'
import { DEMO_REPORT_PDF } from '../research/demo.js'
import { APPLICATION_FILES } from './application-view.js'
import { writeApplication } from './applications.js'
import { drawPanels } from './assign.js'
import {
  CRAFTSMAN_RUBRIC,
  DEMO_EXPERTS,
  DEMO_PROGRAMMES,
  type DemoProgrammePlan,
  EXPERT_FIELDS,
  HIGH_SCHOOL_RUBRIC_2019,
  HIGH_SCHOOL_RUBRIC_2026,
  INNOVATION_RUBRIC,
} from './demo-plan.js'
import { writeExpert } from './experts.js'
import { criteriaOf, writeProgramme } from './programmes.js'
import { findProgramme, findRubric, insertEvents, insertResults, liveAssignments } from './repository.js'
import { rankRound } from './round.js'
import { currentRound } from './round-views.js'
import { writeRubric } from './rubrics.js'

const ACTOR_NAME = '系统（示例数据）'
const atOf = (on: string) => `${on}T02:00:00.000Z`

interface Unit {
  id: number
  name: string
  kind: string
  stage: string | null
  tags: string
}

function applicants(plan: DemoProgrammePlan, units: Unit[]): Unit[] {
  const schools = (stages: string[]) =>
    units.filter((u) => u.kind === 'school' && stages.includes(u.stage ?? ''))
  if (plan.key === 'innovation')
    return [...units.filter((u) => u.kind === 'university'), ...schools(['senior']).slice(0, 8)]
  if (plan.key === 'high_school')
    return schools(['senior'])
      .filter((u) => !u.tags.includes('省级示范性高中'))
      .slice(0, 12)
  return schools(['junior', 'nine_year'])
    .filter((_u, i) => i % 8 === 0)
    .slice(0, 14)
}

const titleOf = (plan: DemoProgrammePlan, u: Unit) =>
  plan.key === 'innovation'
    ? `${u.name}创新创业学院`
    : plan.key === 'high_school'
      ? `${u.name}${u.tags.includes('特色') ? '特色' : '示范性'}普通高中评估认定申报`
      : `${u.name}"未来工匠"培育基地`

export async function loadSelectionsDemo(
  s: Services,
  o: { seed: number; scale: 'city' | 'province'; today: string },
): Promise<void> {
  const ctx: Ctx = { ...s, actor: { ...SYSTEM_ACTOR, displayName: ACTOR_NAME }, locale: 'zh-CN' }
  await s.db.transaction().execute(async (trx) => {
    if (
      await trx
        .selectFrom('selection_programmes')
        .select('id')
        .where('source', '=', 'demo')
        .executeTakeFirst()
    )
      return
    const city = await trx
      .selectFrom('org_units')
      .select(['id', 'path'])
      .where('kind', '=', 'city')
      .where('name', '=', '示例市')
      .executeTakeFirst()
    const model = await trx
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'expert_demo')
      .executeTakeFirst()
    if (!city || !model) return
    const units = (await trx
      .selectFrom('org_units')
      .select(['id', 'name', 'kind', 'stage', 'tags'])
      .where('path', 'like', `${city.path}%`)
      .where('kind', 'in', ['school', 'university'])
      .where('voided_at', 'is', null)
      .orderBy('id')
      .execute()) as Unit[]
    const rng = createRng(o.seed).fork('selections')

    // The pool: expert_demo and eight more expert accounts.
    const pool = [
      {
        userId: model.id,
        name: model.display_name,
        unitName: '示例市教育科学研究院',
        unitRef: null,
        title: '研究员',
      },
    ]
    for (const e of DEMO_EXPERTS) {
      const { id, ...rest } = model
      void id
      const u = await trx
        .insertInto('users')
        .values({ ...rest, username: e.username, display_name: e.name })
        .returning('id')
        .executeTakeFirstOrThrow()
      pool.push({
        userId: u.id,
        name: e.name,
        unitName: e.unitName,
        unitRef: e.unitRef as null,
        title: e.title,
      })
    }
    for (const e of pool) {
      const unitId = e.unitRef ? (units.find((u) => u.name === e.unitRef)?.id ?? null) : null
      await writeExpert(trx, ctx, {
        userId: e.userId,
        name: e.name,
        unitId,
        unitName: e.unitName,
        title: e.title,
        fields: EXPERT_FIELDS,
        conflictUnitIds: [],
        note: '',
        ownerUnitId: city.id,
      })
    }

    const rubric = (
      name: string,
      criteria: typeof INNOVATION_RUBRIC,
      basedOn = null as Awaited<ReturnType<typeof findRubric>> | null,
    ) =>
      writeRubric(trx, ctx, { name, total: 100, criteria, note: '', ownerUnitId: city.id }, basedOn ?? null)
    const hs2019 = await rubric('示范性、特色普通高中评估细则（2019年版）', HIGH_SCHOOL_RUBRIC_2019)
    const rubrics = {
      craftsman: await rubric('"未来工匠"培育基地评审细则', CRAFTSMAN_RUBRIC),
      innovation: await rubric('市级创新创业学院评审细则', INNOVATION_RUBRIC),
      high_school: await rubric(
        '示范性、特色普通高中评估细则（2026年修订）',
        HIGH_SCHOOL_RUBRIC_2026,
        await findRubric(trx, hs2019),
      ),
    }
    for (const plan of DEMO_PROGRAMMES)
      await loadProgramme(
        trx,
        ctx,
        plan,
        rubrics[plan.key],
        applicants(plan, units),
        city,
        o.today,
        rng.fork(plan.key),
        model.id,
      )
  })
}

async function loadProgramme(
  trx: Tx,
  ctx: Ctx,
  plan: DemoProgrammePlan,
  rubricId: number,
  units: Unit[],
  city: { id: number; path: string },
  today: string,
  rng: Rng,
  demoExpertUser: number,
) {
  const day = (n: number | undefined) => addDays(today, -(n ?? 0))
  const id = await writeProgramme(
    trx,
    ctx,
    {
      name: plan.name,
      kind: plan.kind,
      batch: plan.batch,
      description: plan.description,
      quota: plan.quota,
      passMark: plan.passMark,
      eligibleKinds: plan.key === 'innovation' ? ['university', 'school'] : ['school'],
      opensOn: day(plan.days.opens),
      closesOn: day(plan.days.closes),
      materials: plan.materials,
      rubricId,
      expertsPerApplication: plan.experts,
      aggregation: plan.aggregation,
      dispersionMargin: 12,
      blind: plan.key === 'high_school',
      noticeDays: 5,
      ownerUnitId: city.id,
    },
    'demo',
  )
  const p = (await findProgramme(trx, id)) as NonNullable<Awaited<ReturnType<typeof findProgramme>>>
  const submitted = atOf(day(plan.days.closes + 3))
  for (const u of units) {
    const form: Record<string, string> = plan.key === 'craftsman' ? { people: String(rng.int(6, 30)) } : {}
    const appId = await writeApplication(trx, ctx, p, {
      unitId: u.id,
      title: titleOf(plan, u),
      field: plan.field,
      summary: '',
      form,
    })
    await trx
      .updateTable('selection_applications')
      .set({ status: 'submitted', submitted_at: submitted })
      .where('id', '=', appId)
      .execute()
    for (const m of plan.materials)
      await insertAttachment(trx, {
        owner_type: APPLICATION_FILES,
        owner_id: appId,
        filename: `${m}.pdf`,
        content_type: 'application/pdf',
        file_type: 'pdf',
        size_bytes: DEMO_REPORT_PDF.length,
        sha256: sha256(DEMO_REPORT_PDF),
        bytes: DEMO_REPORT_PDF,
        note: m,
        uploaded_by: null,
        uploaded_by_name: u.name,
        created_at: submitted,
        voided_at: null,
        void_reason: null,
      })
  }
  const seed = rng.int(1, 2_000_000_000)
  await drawPanels(trx, ctx, id, city.path, plan.experts, seed)
  const finished = plan.days.published !== undefined
  const criteria = criteriaOf((await findRubric(trx, rubricId))?.criteria_json ?? '[]')
  const quality = new Map<number, number>()
  for (const a of await liveAssignments(trx, { programmeId: id })) {
    if (!finished && (a.user_id === demoExpertUser || !rng.chance(0.6))) continue
    const q = quality.get(a.application_id) ?? 0.62 + rng.next() * 0.35
    quality.set(a.application_id, q)
    const scores: Record<string, number> = {}
    const walk = (cs: typeof criteria) => {
      for (const c of cs)
        if (c.children?.length) walk(c.children)
        else
          scores[c.key] = Math.min(
            c.maxScore ?? 10,
            Math.max(0, Math.round((q + (rng.next() - 0.5) * 0.16) * (c.maxScore ?? 10))),
          )
    }
    walk(criteria)
    const sheet = scoreSheet(criteria, scores)
    await trx
      .updateTable('selection_assignments')
      .set({
        status: 'submitted',
        scores_json: JSON.stringify(scores),
        total: sheet.total,
        by_top_json: JSON.stringify(sheet.byTop),
        submitted_at: atOf(day(plan.days.closes - 10)),
      })
      .where('id', '=', a.id)
      .execute()
  }
  const events: [string, string, Record<string, unknown>][] = [
    [day(plan.days.opens), 'open', { from: 'draft', to: 'open' }],
    [day(plan.days.closes), 'close', { from: 'open', to: 'reviewing' }],
    [day(plan.days.closes - 2), 'assign', { seed }],
  ]
  let patch: Record<string, unknown> = { status: 'reviewing', assign_seed: seed }
  if (finished) {
    const ranked = rankRound(p, await currentRound(trx, { ...p, status: 'scored' }))
    await insertResults(
      trx,
      ranked.map((r) => ({
        programme_id: id,
        decision_no: 1,
        application_id: r.item.application.id,
        rank: r.rank,
        outcome: r.outcome,
        final_outcome: null,
        score: r.item.score,
        heaviest: r.item.heaviest,
        median: r.item.median,
        method: r.item.aggregate.method,
        spread: r.item.aggregate.spread,
        dispersed: r.item.aggregate.dispersed ? 1 : 0,
        experts: r.item.totals.length,
      })),
    )
    const published = day(plan.days.published)
    const ends = noticeEnds(await workCalendar(trx), published, 5)
    const finalised = addDays(ends, 1) < today ? addDays(ends, 1) : today
    patch = {
      ...patch,
      status: 'final',
      decision_no: 1,
      decided_at: atOf(day(plan.days.decided)),
      approved_on: day(plan.days.approved),
      approved_by_name: DEMO_PEOPLE.leader,
      notice_published_on: published,
      notice_ends_on: ends,
      finalised_on: finalised,
    }
    events.push(
      [day(plan.days.decided), 'decide', { from: 'scored', to: 'decided' }],
      [day(plan.days.approved), 'approve', { from: 'decided', to: 'approved' }],
      [published, 'publish', { publishedOn: published, endsOn: ends }],
      [finalised, 'finalise', { from: 'notice', to: 'final' }],
    )
  }
  await trx.updateTable('selection_programmes').set(patch).where('id', '=', id).execute()
  await trx
    .updateTable('selection_events')
    .set({ at: atOf(day(plan.days.opens)), on_date: day(plan.days.opens) })
    .where('programme_id', '=', id)
    .execute()
  await insertEvents(
    trx,
    events.map(([on, action, detail]) => ({
      programme_id: id,
      application_id: null,
      at: atOf(on),
      on_date: on,
      action,
      actor_id: null,
      actor_name: ACTOR_NAME,
      detail_json: JSON.stringify(detail),
    })),
  )
}
