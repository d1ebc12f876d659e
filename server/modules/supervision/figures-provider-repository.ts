/**
 * The SQL behind the supervision figures the indicator registry reads (figures-provider.ts): the
 * live top-level key tasks of a subtree with their campaign's dates, scoped as the module scopes
 * them (a task belongs to every unit it names, lead or co-unit: `taskVisibleTo`).
 */
import { sql } from 'kysely'
import type { Actor, Tx } from '../../context.js'
import { taskVisibleTo } from './repository.js'

/** Live top-level tasks in the subtree, of live campaigns overlapping [from, to]. */
export function rangeTaskRows(db: Tx, actor: Actor, from: string, to: string) {
  return db
    .selectFrom('supervision_tasks')
    .innerJoin('supervision_campaigns as c', 'c.id', 'supervision_tasks.campaign_id')
    .select([
      'supervision_tasks.id',
      'supervision_tasks.aspect_id',
      'supervision_tasks.status',
      'supervision_tasks.starts_on',
      'supervision_tasks.deadline',
      'supervision_tasks.done_on',
    ])
    .where('supervision_tasks.voided_at', 'is', null)
    .where('supervision_tasks.parent_id', 'is', null)
    .where('c.voided_at', 'is', null)
    .where('c.starts_on', '<=', to)
    .where('c.ends_on', '>=', from)
    .where(taskVisibleTo(actor))
    .orderBy('supervision_tasks.id')
    .execute()
}

/**
 * When the tasks last changed: every change to a task appends to its timeline (indexed on `at`);
 * campaigns and aspects, which decide the range and the 方面, are a few dozen rows scanned whole.
 */
export async function tasksChangedAt(db: Tx): Promise<string | null> {
  const [ev, camp, asp] = await Promise.all([
    db.selectFrom('supervision_task_events').select(sql<string | null>`max(at)`.as('at')).executeTakeFirst(),
    db
      .selectFrom('supervision_campaigns')
      .select(sql<string | null>`max(updated_at)`.as('at'))
      .executeTakeFirst(),
    db
      .selectFrom('supervision_aspects')
      .select(sql<string | null>`max(updated_at)`.as('at'))
      .executeTakeFirst(),
  ])
  const all = [ev?.at, camp?.at, asp?.at].filter((t): t is string => typeof t === 'string')
  return all.sort().at(-1) ?? null
}
