/** Every change to a problem writes its history row and its audit row, in the caller's transaction. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { insertEvent } from './repository.js'

export async function recordProblemChange(
  trx: Tx,
  ctx: Ctx,
  problemId: number,
  action: string,
  detail: Record<string, unknown>,
  audit: { before: unknown; after: unknown },
): Promise<void> {
  await insertEvent(trx, {
    problem_id: problemId,
    at: nowIso(ctx),
    action,
    actor_id: ctx.actor.id || null,
    actor_name: ctx.actor.displayName,
    detail_json: JSON.stringify(detail),
  })
  await recordAudit(trx, ctx, ctx.actor, {
    action: `problem.${action}`,
    entity: 'rectification_problem',
    entityId: problemId,
    before: audit.before,
    after: audit.after,
  })
}

/** What the audit keeps of a problem: its own fields, not its measures. */
export function problemFields(p: {
  code?: string | undefined
  description?: string | undefined
  source?: string | undefined
  categoryId?: number | undefined
  campaign?: string | undefined
  campaignId?: number | null | undefined
  responsibleUnitId?: number | undefined
  responsibleLeader?: string | null | undefined
  responsibleUserId?: number | null | undefined
  foundOn?: string | undefined
  fixAtOnce?: boolean | undefined
}) {
  return Object.fromEntries(Object.entries(p).filter(([k, v]) => v !== undefined && k !== 'measures'))
}
