/**
 * Answers of busy read routes (the ledgers' list pages), kept as the very JSON text that was sent,
 * until anything in the database changes. A repeat costs a session lookup (which reads the change
 * stamp in the same statement) and a map lookup instead of the route's SQL and serialisation (issue 8: 200 connections at p99 < 100 ms).
 *
 * Why it is safe:
 * - The key holds everything an answer depends on besides the data: the route, the validated query,
 *   who asks (id, role, scope, unit), the language, and today's date in China (due states).
 *   Answers are never shared between viewers, so what one may see cannot reach another.
 * - The data is named by a change stamp that moves with every committed write, audited or not
 *   (`changeStamp` in server/db/dialect.ts). When it moves, every entry is dropped.
 * - The stamp is read before the answer is computed, so an entry holds data at least as new as its
 *   stamp; an answer computed while the stamp moved is not kept.
 * - Mode `verify` (the test suites) recomputes every hit and fails loudly on a difference, so a
 *   route whose answer depends on something the key misses is caught by the tests that use it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { type ZodType, z } from 'zod'
import { type Ctx, todayInChina } from '../context.js'
import { changeStamp } from '../db/dialect.js'
import { ctxOf } from './request.js'

declare module 'fastify' {
  interface FastifyInstance {
    answers: AnswerCache
  }
}

export type AnswerCacheMode = 'on' | 'off' | 'verify'

export interface AnswerCacheOptions {
  mode: AnswerCacheMode
  /** Bound on the cached JSON text, counted as UTF-16 code units × 2. */
  maxBytes: number
}

export const DEFAULT_ANSWER_CACHE: AnswerCacheOptions = { mode: 'on', maxBytes: 32 * 1024 * 1024 }

/** Said in the `x-answer-cache` header and the request log, so load runs can count hits. */
const HEADER = 'x-answer-cache'
const JSON_TYPE = 'application/json; charset=utf-8'

export class AnswerCache {
  private entries = new Map<string, string>()
  /** The stamp every held entry was computed at (or after). */
  private stamp: string | undefined
  /** The stamp the latest request read: most likely the database's current one. */
  private lastRead: string | undefined
  private bytes = 0

  constructor(readonly options: AnswerCacheOptions) {}

  /** What is held now, for tests and the health of a long run. */
  get size() {
    return { entries: this.entries.size, bytes: this.bytes }
  }

  /**
   * The text for `key`, if held at `stamp` (the stamp the caller has just read); marks it recently
   * used. An entry is served only to a request that read the very stamp it was kept under.
   */
  get(stamp: string, key: string): string | undefined {
    this.lastRead = stamp
    if (stamp !== this.stamp) return undefined
    const text = this.entries.get(key)
    if (text !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, text)
    }
    return text
  }

  /**
   * Keeps `text`, computed after `stamp` was read. A different stamp than the held one starts over,
   * unless a later request has already read another: then this answer came from a slow request
   * that began before a change, and keeping it would only evict the newer entries.
   */
  set(stamp: string, key: string, text: string): void {
    if (stamp !== this.stamp) {
      if (stamp !== this.lastRead) return
      this.entries.clear()
      this.bytes = 0
      this.stamp = stamp
    }
    const size = text.length * 2
    if (size > this.options.maxBytes / 4) return
    const old = this.entries.get(key)
    if (old !== undefined) this.bytes -= old.length * 2
    this.entries.delete(key)
    this.entries.set(key, text)
    this.bytes += size
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break
      this.entries.delete(k)
      this.bytes -= v.length * 2
    }
  }
}

/** The part of the key that says who asks and when: answers are never shared between viewers. */
function viewerKey(ctx: Ctx): string {
  const a = ctx.actor
  return JSON.stringify([a.id, a.role, a.scopePath, a.orgUnitId, ctx.locale, todayInChina(ctx.now())])
}

/** The validated query with its keys in order, so `?a=1&b=2` and `?b=2&a=1` are one entry. */
function queryKey(query: unknown): string {
  if (query === null || typeof query !== 'object') return JSON.stringify(query ?? null)
  const q = query as Record<string, unknown>
  return JSON.stringify(
    Object.keys(q)
      .filter((k) => q[k] !== undefined)
      .sort()
      .map((k) => [k, q[k]]),
  )
}

/** The JSON text the route would send: the same encoding fastify-type-provider-zod's serializer does. */
const encode = (schema: ZodType, value: unknown) => JSON.stringify(z.encode(schema, value))

/**
 * Answers a GET from the cache, or computes it with `compute` and keeps it. `schema` is the
 * route's 200 response schema. Authorisation runs inside `compute` on a miss; a hit has the same
 * viewer (id, role and scope in the key) and so the same right.
 */
export async function cachedAnswer(
  req: FastifyRequest,
  reply: FastifyReply,
  schema: ZodType,
  compute: (ctx: Ctx) => Promise<unknown>,
): Promise<void> {
  // Sent here as JSON text, which Fastify passes through without serialising it again.
  reply.send(await answerText(req, reply, schema, compute))
}

async function answerText(
  req: FastifyRequest,
  reply: FastifyReply,
  schema: ZodType,
  compute: (ctx: Ctx) => Promise<unknown>,
): Promise<string> {
  const ctx = ctxOf(req)
  const cache = req.server.answers
  reply.header('content-type', JSON_TYPE)
  if (cache.options.mode === 'off') {
    reply.header(HEADER, 'off')
    return encode(schema, await compute(ctx))
  }
  // Read with the session when it could be: earlier than here, so at worst a needless miss.
  const stamp = req.dataStamp ?? (await changeStamp(ctx.db, ctx.dialect))
  const key = `${req.routeOptions.url}\n${queryKey(req.query)}\n${viewerKey(ctx)}`
  const held = cache.get(stamp, key)
  if (held !== undefined && cache.options.mode === 'on') {
    reply.header(HEADER, 'hit')
    return held
  }
  const text = encode(schema, await compute(ctx))
  if (held !== undefined && held !== text && (await changeStamp(ctx.db, ctx.dialect)) === stamp)
    throw new Error(`answer cache: a held answer differs from a fresh one for ${req.routeOptions.url}`)
  reply.header(HEADER, held !== undefined ? 'verified' : 'miss')
  cache.set(stamp, key, text)
  return text
}
