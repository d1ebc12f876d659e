/** A topic entered in error is voided with a reason, never deleted; problems made from it stay. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { staleVersion } from '../../http/errors.js'
import { loadEditableTopic } from './access.js'
import { getTopic } from './read-topics.js'
import { updateTopicVersioned } from './repository.js'
import type { TopicDetail } from './schema.js'
import { addEvent } from './timeline.js'

export async function voidTopic(ctx: Ctx, id: number, version: number, reason: string): Promise<TopicDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableTopic(ctx, trx, id)
    if (row.version !== version) throw staleVersion(row.version)
    const at = nowIso(ctx)
    if (
      !(await updateTopicVersioned(trx, id, version, { voided_at: at, void_reason: reason, updated_at: at }))
    )
      throw staleVersion(version + 1)
    await addEvent(trx, ctx, id, 'void', { reason })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'research.topic.void',
      entity: 'research_topic',
      entityId: id,
      before: { code: row.code, title: row.title, status: row.status },
      after: { reason },
    })
  })
  return getTopic(ctx, id)
}
