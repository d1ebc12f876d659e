/**
 * The floor for bench/load.ts: a bare Fastify 5 server, alone in its own process, answering every
 * GET with a tiny JSON and nothing else (no cookie parsing, no session lookup, no database, logger
 * off). Any path is accepted so the floor receives exactly the requests our route receives.
 *
 * Run as a child: `node --import tsx bench/lib/empty-fastify.ts` with PORT (and HOST) set; prints
 * `listening <url>` once ready.
 */
import Fastify from 'fastify'

const app = Fastify({ logger: false })
app.get('/*', async () => ({ ok: true }))

const port = Number(process.env.PORT ?? 0)
const host = process.env.HOST ?? '127.0.0.1'
const url = await app.listen({ port, host })
console.log(`listening ${url}`)

const stop = async () => {
  await app.close()
  process.exit(0)
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
