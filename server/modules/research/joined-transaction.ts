/**
 * A `Ctx` whose database is an open transaction, so that another module's use case (which opens
 * its own transaction) runs as part of ours: turning a finding into a problem creates the problem
 * and links the finding in one transaction, and a failure of either leaves neither.
 *
 * Kysely cannot nest transactions (`Transaction#transaction()` throws), so the joined database
 * answers `transaction().execute(fn)` by running `fn` on the open transaction. Everything else is
 * the transaction itself, its methods bound to it (Kysely keeps its state in private fields, which
 * a bare Proxy receiver could not reach).
 */
import type { Transaction } from 'kysely'
import type { Ctx } from '../../context.js'
import type { Database } from '../../db/schema.js'

export function joinTransaction(ctx: Ctx, trx: Transaction<Database>): Ctx {
  const db = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction')
        return () => ({ execute: <T>(fn: (t: Transaction<Database>) => Promise<T>) => fn(target) })
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { ...ctx, db }
}
