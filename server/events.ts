/**
 * In-process domain events, delivered inside the publisher's transaction: a listener's writes
 * commit or roll back with the change that caused them. Used where one module must react to
 * another without importing it (the calendar changes → petitions recompute open deadlines).
 */
import type { Ctx, Tx } from './context.js'

export interface DomainEvents {
  /** Working days changed between `from` and `to` (inclusive). */
  'calendar.changed': { from: string; to: string }
}

type Listener<K extends keyof DomainEvents> = (trx: Tx, ctx: Ctx, payload: DomainEvents[K]) => Promise<void>

const listeners = new Map<keyof DomainEvents, Listener<keyof DomainEvents>[]>()

export function subscribe<K extends keyof DomainEvents>(event: K, listener: Listener<K>): void {
  const list = listeners.get(event) ?? []
  // Module files may be imported more than once (tests build several apps): subscribe once.
  if (!list.includes(listener as Listener<keyof DomainEvents>))
    list.push(listener as Listener<keyof DomainEvents>)
  listeners.set(event, list)
}

export async function publish<K extends keyof DomainEvents>(
  trx: Tx,
  ctx: Ctx,
  event: K,
  payload: DomainEvents[K],
): Promise<void> {
  for (const l of listeners.get(event) ?? []) await l(trx, ctx, payload)
}
