/**
 * 销号: a reviewer closes a rectified problem. Refused without evidence on file, and refused to the
 * problem's own people (who recorded it, who answers for it): nobody signs off his own work.
 * Recorded on the row (who, when, comment), in the history and in the audit.
 */
import type { ProblemStatus } from '../../../domain/rectification/lifecycle.js'
import { checkSignoff } from '../../../domain/rectification/lifecycle.js'
import { type Ctx, nowIso } from '../../context.js'
import { staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { refusalError } from './act-on-problem.js'
import { recordProblemChange } from './history.js'
import { getProblem, loadLiveProblem } from './read-problems.js'
import { countLiveEvidence, updateProblemVersioned } from './repository.js'

export async function signOffProblem(ctx: Ctx, id: number, input: { version: number; comment: string }) {
  authorize(ctx.actor, 'problem.signoff')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadLiveProblem({ ...ctx, db: trx }, id)
    if (row.version !== input.version) throw staleVersion(row.version)
    const evidence = await countLiveEvidence(trx, id)
    const refusal = checkSignoff({
      status: row.status as ProblemStatus,
      evidence,
      reviewerId: ctx.actor.id,
      createdBy: row.created_by,
      responsibleUserId: row.responsible_user_id,
    })
    if (refusal) throw refusalError(refusal)
    const at = nowIso(ctx)
    const ok = await updateProblemVersioned(trx, id, row.version, {
      status: 'signed_off',
      signed_off_at: at,
      signed_off_by: ctx.actor.id || null,
      signed_off_by_name: ctx.actor.displayName,
      signoff_comment: input.comment,
      updated_at: at,
    })
    if (!ok) throw staleVersion(row.version + 1)
    await recordProblemChange(
      trx,
      ctx,
      id,
      'signoff',
      { comment: input.comment, evidence },
      {
        before: { status: row.status, version: row.version },
        after: { status: 'signed_off', comment: input.comment, evidence },
      },
    )
  })
  return getProblem(ctx, id)
}
