/**
 * The list-answer cache: a repeat is served from it, and anything that could change the answer
 * (a write through the app, a write behind its back from the same or another connection, another
 * viewer, another day, another language) is not. Verify mode catches a route whose answer depends
 * on something the key misses. On the city demo, with the cache on as in production.
 */

import Fastify from 'fastify'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type Client, forEachDatabase, loginAs } from '../../tests/harness.js'
import { SYSTEM_ACTOR } from '../context.js'
import { problemBody } from '../modules/rectification/testing.js'
import { AnswerCache, cachedAnswer } from './answer-cache.js'

const LIST = '/api/rectification/problems?pageSize=5&page=1'
const cacheOf = (r: { headers: Record<string, unknown> }) => r.headers['x-answer-cache']

describe('AnswerCache (no database)', () => {
  it('evicts the least recently used entries beyond its byte bound', () => {
    const c = new AnswerCache({ mode: 'on', maxBytes: 400 })
    c.get('s1', 'a')
    for (const k of ['a', 'b', 'c']) c.set('s1', k, 'x'.repeat(50)) // 100 bytes each
    expect(c.get('s1', 'a')).toBeDefined() // a is now the most recent
    c.set('s1', 'd', 'x'.repeat(50))
    c.set('s1', 'e', 'x'.repeat(50)) // 500 bytes: the least recent (b) goes
    expect(c.get('s1', 'b')).toBeUndefined()
    expect(c.get('s1', 'a')).toBeDefined()
    expect(c.size.bytes).toBeLessThanOrEqual(400)
  })

  it('serves an entry only at its own stamp, and does not keep a slow request’s older answer', () => {
    const c = new AnswerCache({ mode: 'on', maxBytes: 10_000 })
    expect(c.get('s1', 'k')).toBeUndefined()
    c.set('s1', 'k', 'old')
    expect(c.get('s1', 'k')).toBe('old')
    expect(c.get('s2', 'k')).toBeUndefined() // the data moved: not served
    c.set('s1', 'k', 'slow') // began before the change: not kept, and s2's place is not taken
    c.set('s2', 'k', 'new')
    expect(c.get('s2', 'k')).toBe('new')
    expect(c.get('s1', 'k')).toBeUndefined()
  })
})

forEachDatabase(
  'answer cache over HTTP',
  (h) => {
    /**
     * Asks until the answer is a hit. On SQLite the first repeat must be one. On PostgreSQL the
     * stamp is the cluster's snapshot, which other test files' transactions (in other databases
     * of the same server, running in parallel) move: a repeat may miss, but not for ever.
     */
    const hit = async (get: () => Promise<{ headers: Record<string, unknown> }>) => {
      let r = await get()
      for (let i = 0; i < 50 && cacheOf(r) !== 'hit' && h.dialect === 'postgres'; i++) {
        await new Promise((done) => setTimeout(done, 20))
        r = await get()
      }
      return r
    }
    let county: Client
    let heping: number
    let cat: number
    beforeAll(async () => {
      county = await h.loginAs('county_heping')
      heping = (await h.unitByName('和平区')).id
      const cats = await county.get('/api/rectification/categories')
      cat = (cats.json().items as { id: number }[])[0]?.id as number
    })

    it('serves a repeat from the cache, whatever the order of the query', async () => {
      const first = await county.get(LIST)
      expect(first.statusCode, first.body).toBe(200)
      const again = await county.get('/api/rectification/problems?page=1&pageSize=5')
      expect(cacheOf(again) === 'hit' || h.dialect === 'postgres').toBe(true)
      expect(cacheOf(await hit(() => county.get('/api/rectification/problems?page=1&pageSize=5')))).toBe(
        'hit',
      )
      expect(again.body).toBe(first.body)
      expect(again.headers['content-type']).toMatch(/^application\/json/)
    })

    it('answers afresh after a write through the app', async () => {
      const before = (await county.get(LIST)).json() as { total: number }
      const created = await county.post(
        '/api/rectification/problems',
        problemBody({ categoryId: cat, responsibleUnitId: heping, description: '缓存测试：新问题' }),
      )
      expect(created.statusCode, created.body).toBe(201)
      const after = await county.get(LIST)
      expect(cacheOf(after)).toBe('miss')
      expect((after.json() as { total: number }).total).toBe(before.total + 1)
    })

    it('answers afresh after a write behind the app’s back, on its own connection or another', async () => {
      const top = ((await county.get(LIST)).json() as { items: { id: number }[] }).items[0]?.id as number
      expect(cacheOf(await hit(() => county.get(LIST)))).toBe('hit')
      // Through the app's own pool/connection, but not through any use case or audit.
      await sql`update rectification_problems set description = ${'背后改写一'} where id = ${top}`.execute(
        h.db,
      )
      const one = await county.get(LIST)
      expect(cacheOf(one)).toBe('miss')
      expect(one.body).toContain('背后改写一')

      // From another connection: SQLite's data_version, PostgreSQL's snapshot.
      expect(cacheOf(await hit(() => county.get(LIST)))).toBe('hit')
      await h.withOtherConnection((db) =>
        sql`update rectification_problems set description = ${'背后改写二'} where id = ${top}`.execute(db),
      )
      const two = await county.get(LIST)
      expect(cacheOf(two)).toBe('miss')
      expect(two.body).toContain('背后改写二')
    })

    it('never serves one viewer’s answer to another, nor one language’s to another', async () => {
      const mine = await county.get(LIST)
      expect(cacheOf(await hit(() => county.get(LIST)))).toBe('hit')
      const leader = await h.loginAs('leader')
      const theirs = await leader.get(LIST)
      expect(cacheOf(theirs)).toBe('miss')
      expect((theirs.json() as { total: number }).total).toBeGreaterThan(
        (mine.json() as { total: number }).total,
      )
      const english = await county.get(LIST, { 'x-lang': 'en' })
      expect(english.statusCode).toBe(200)
      expect(cacheOf(english)).toBe('miss')
    })

    it('answers afresh on a new day in China (due states move with the date)', async () => {
      h.clock.set('2026-11-27T15:50:00Z') // 23:50 in Shanghai
      const late = await loginAs(h.app, 'county_heping', 'Demo@2026')
      await late.get(LIST)
      expect(cacheOf(await hit(() => late.get(LIST)))).toBe('hit')
      h.clock.set('2026-11-27T16:10:00Z') // 00:10 the next day
      expect(cacheOf(await late.get(LIST))).toBe('miss')
    })

    it('in verify mode, fails loudly when an answer depends on something outside its key', async () => {
      const app = Fastify()
      app.decorate('services', h.services)
      app.decorate('answers', new AnswerCache({ mode: 'verify', maxBytes: 10_000 }))
      app.decorateRequest('actor', null)
      app.decorateRequest('locale', 'zh-CN')
      app.addHook('onRequest', async (req) => {
        req.actor = SYSTEM_ACTOR
      })
      let outside = 0
      const Answer = z.object({ n: z.number() })
      app.get('/x', (req, reply) => cachedAnswer(req, reply, Answer, async () => ({ n: outside })))
      expect((await app.inject('/x')).statusCode).toBe(200)
      const same = await app.inject('/x')
      expect(cacheOf(same)).toBe('verified')
      outside = 1
      expect((await app.inject('/x')).statusCode).toBe(500)
      await app.close()
    })
  },
  { demo: 'city', answerCache: 'on' },
)
