/**
 * The one place that decides who may do what where. Every use case calls these first.
 * Out-of-scope records answer 404, not 403, so a county user cannot even learn that another
 * county's record exists.
 */
import type { Actor } from '../context.js'
import { forbidden, notFound } from '../http/errors.js'
import { hasPermission, type Permission } from './roles.js'

export function authorize(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.role, permission)) throw forbidden()
}

export function inScope(actor: Actor, path: string): boolean {
  return path.startsWith(actor.scopePath)
}

/** Throws 404 when the record's org path lies outside the actor's subtree. */
export function assertInScope(actor: Actor, path: string): void {
  if (!inScope(actor, path)) throw notFound()
}

/** Writes below the scope root only, except for admins: a county edits its schools, not itself. */
export function assertCanWriteUnder(actor: Actor, path: string): void {
  assertInScope(actor, path)
  if (actor.role !== 'admin' && path === actor.scopePath) throw forbidden('out_of_scope')
}
