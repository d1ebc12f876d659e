/** A programme's timeline for its overseers: every step, application and assignment change. */
import type { Ctx } from '../../context.js'
import { loadOverseenProgramme } from './access.js'
import { listEvents } from './repository.js'

export async function programmeEvents(ctx: Ctx, id: number) {
  const p = await loadOverseenProgramme(ctx, ctx.db, id)
  const rows = await listEvents(ctx.db, p.id)
  return {
    items: rows.map((e) => ({
      id: e.id,
      applicationId: e.application_id,
      at: e.at,
      on: e.on_date,
      action: e.action,
      actor: e.actor_name,
      detail: JSON.parse(e.detail_json) as Record<string, unknown>,
    })),
  }
}
