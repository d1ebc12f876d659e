/**
 * The warning list (预警): counties whose 2012 综合差异系数 rose from last year in a stage, the
 * seed's finding "**个县、区基本均衡综合系数差异增大". A warning becomes a rectification problem in
 * one step (source 均衡预警, the county responsible), through the rectification module's own
 * `writeProblem` inside this transaction, and is linked to it: once per county, year and stage.
 */
import { round3, STAGE_LABELS } from '../../../domain/balance/indicators.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, todayInChina } from '../../context.js'
import { conflict } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { writeProblem } from '../rectification/create-problem.js'
import { filterPath, loadVisibleCounty, thisYear } from './access.js'
import type { WarningToProblemInput, WarningView } from './coefficient-schema.js'
import { type CountyBalance, computeBalance } from './compute.js'
import { compositeLimits } from './settings.js'
import { findWarningLink, insertWarningLink, warningLinks } from './warning-repository.js'

type Link = { problem_id: number; code: string | null; status: string | null; voided_at: string | null }

function warningsOf(
  counties: readonly CountyBalance[],
  year: number,
  links: Map<string, Link>,
): WarningView[] {
  return counties.flatMap((c) =>
    c.stages.flatMap((s) => {
      const composite = s.current.basic.composite
      const previous = s.previous
      if (!s.rose || composite === null || previous === null || s.change === null) return []
      const link = links.get(`${c.county.id}:${s.stage}`)
      return [
        {
          countyId: c.county.id,
          county: c.county.name,
          city: c.city?.name ?? null,
          year,
          stage: s.stage,
          composite: round3(composite),
          previous: round3(previous),
          change: s.change,
          problem: link
            ? {
                id: link.problem_id,
                code: link.code ?? '',
                status: link.status ?? '',
                voided: link.voided_at !== null,
              }
            : null,
        },
      ]
    }),
  )
}

export async function listWarnings(
  ctx: Ctx,
  q: { year?: number | undefined; orgUnitId?: number | undefined },
): Promise<{ year: number; items: WarningView[] }> {
  authorize(ctx.actor, 'balance.read')
  const scopePath = await filterPath(ctx.db, ctx.actor, q.orgUnitId)
  const year = q.year ?? thisYear(ctx.now)
  const counties = await computeBalance(ctx.db, scopePath, year, await compositeLimits(ctx.db))
  const links = new Map((await warningLinks(ctx.db, year)).map((l) => [`${l.county_id}:${l.stage}`, l]))
  return { year, items: warningsOf(counties, year, links) }
}

export async function warningToProblem(ctx: Ctx, input: WarningToProblemInput): Promise<WarningView> {
  authorize(ctx.actor, 'balance.write')
  authorize(ctx.actor, 'problem.write')
  return ctx.db.transaction().execute(async (trx) => {
    const county = await loadVisibleCounty(trx, ctx.actor, input.countyId)
    const [c] = await computeBalance(trx, county.path, input.year, await compositeLimits(trx))
    const [warning] = c ? warningsOf([c], input.year, new Map()).filter((w) => w.stage === input.stage) : []
    if (!warning) throw conflict('balance_no_warning')
    if (await findWarningLink(trx, county.id, input.year, input.stage))
      throw conflict('balance_warning_converted')
    const stage = STAGE_LABELS[input.stage].zh
    const problem = await writeProblem(trx, ctx, {
      description:
        `${county.name}${input.year}年${stage}基本均衡综合差异系数由${warning.previous.toFixed(3)}` +
        `增大到${warning.composite.toFixed(3)}（增加${warning.change.toFixed(3)}），校际差异扩大`,
      source: 'balance_warning',
      categoryId: input.categoryId,
      campaign: '',
      responsibleUnitId: county.id,
      ...(input.responsibleLeader ? { responsibleLeader: input.responsibleLeader } : {}),
      foundOn: todayInChina(ctx.now()),
      fixAtOnce: input.fixAtOnce,
      measures: [],
    })
    const at = nowIso(ctx)
    // Of two conversions racing, the second inserts nothing here and rolls back its problem.
    const inserted = await insertWarningLink(trx, {
      county_id: county.id,
      year: input.year,
      stage: input.stage,
      problem_id: problem.id,
      composite: warning.composite,
      previous: warning.previous,
      created_by: ctx.actor.id || null,
      created_by_name: ctx.actor.displayName,
      created_at: at,
    })
    if (!inserted) throw conflict('balance_warning_converted')
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'balance.warning.to_problem',
      entity: 'balance_warning',
      entityId: `${county.id}:${input.year}:${input.stage}`,
      before: null,
      after: { ...warning, problemId: problem.id, problemCode: problem.code },
    })
    return { ...warning, problem: { id: problem.id, code: problem.code, status: 'open', voided: false } }
  })
}
