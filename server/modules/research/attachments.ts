/**
 * Files of a topic: the research report (调研报告) and what goes with it. Whoever sees the topic
 * sees its files; writers who see it add or void them until the topic is concluded. Each change
 * lands in the topic's timeline.
 */
import { isTopicClosed, TOPIC_STATUS_LABELS, type TopicStatus } from '../../../domain/research/lifecycle.js'
import type { Ctx, Tx } from '../../context.js'
import { conflict } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { addAttachment } from '../attachments/add-attachment.js'
import { attachmentsOf } from '../attachments/present.js'
import { registerAttachmentOwner } from '../attachments/registry.js'
import { loadVisibleTopic } from './access.js'
import { getTopic } from './read-topics.js'
import type { TopicDetail } from './schema.js'
import { addEvent } from './timeline.js'

export const TOPIC_FILES = 'research_topic'

/** 409 once the topic is concluded: its record is closed. */
export function assertTopicOpen(status: string) {
  if (isTopicClosed(status as TopicStatus)) {
    const label = TOPIC_STATUS_LABELS[status as TopicStatus]
    throw conflict('research_topic_closed', { statusZh: label.zh, statusEn: label.en })
  }
}

registerAttachmentOwner(TOPIC_FILES, {
  async assertReadable(ctx, topicId) {
    authorize(ctx.actor, 'task.read')
    await loadVisibleTopic(ctx.db, ctx.actor, topicId, { allowVoided: true })
  },
  async assertWritable(trx, ctx, topicId) {
    authorize(ctx.actor, 'task.write')
    const topic = await loadVisibleTopic(trx, ctx.actor, topicId)
    assertTopicOpen(topic.status)
  },
  async changed(trx, ctx, topicId, change) {
    await addEvent(trx, ctx, topicId, change.kind === 'add' ? 'attachment_add' : 'attachment_void', {
      attachmentId: change.attachmentId,
      filename: change.filename,
    })
  },
})

/** Adds a file to a topic; answers the topic as the drawer shows it. */
export async function attachToTopic(
  ctx: Ctx,
  topicId: number,
  file: { filename: string; bytes: Buffer },
  fields: { note?: string | undefined },
): Promise<TopicDetail> {
  authorize(ctx.actor, 'task.write')
  await addAttachment(ctx, { type: TOPIC_FILES, id: topicId }, file, fields)
  return getTopic(ctx, topicId)
}

export const topicAttachments = (db: Tx, topicIds: number[]) => attachmentsOf(db, TOPIC_FILES, topicIds)
