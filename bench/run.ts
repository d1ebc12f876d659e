/**
 * `npm run bench [name…]`: runs every benchmark in bench/*.ts (or the named ones), then appends a
 * dated section with the machine's details and the results to docs/benchmarks.md.
 *
 * Set DATABASE_URL to a PostgreSQL server to measure PostgreSQL too; fresh databases are created on
 * it and dropped afterwards. BENCH_NO_WRITE=1 prints the section without touching the docs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Bench } from './lib/bench.js'
import { machineInfo } from './lib/machine.js'
import { redactUrl } from './lib/pg.js'
import { ROOT } from './lib/server.js'

const DOC = path.join(ROOT, 'docs', 'benchmarks.md')
const HEADER = `# Benchmarks

Measured by \`npm run bench\` (bench/run.ts runs every bench/*.ts) on the machine named in each
section; each run appends a dated section here, newest last. Numbers from different machines are
not comparable; numbers within one section are. See the end of this file for how each is measured.
`

async function discover(only: string[]): Promise<Bench[]> {
  const dir = path.join(ROOT, 'bench')
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'run.ts')
    .sort()
  const found: Bench[] = []
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { default?: Bench }
    if (!mod.default?.run) continue
    if (only.length === 0 || only.includes(mod.default.name)) found.push(mod.default)
  }
  return found
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const benches = await discover(only)
if (benches.length === 0) {
  console.error(`no benchmarks${only.length ? ` named ${only.join(', ')}` : ''} in bench/`)
  process.exit(1)
}

const databaseUrl = process.env.DATABASE_URL || undefined
const machine = machineInfo()
const started = new Date()
const log = (m: string) => console.log(m)
const bodies: string[] = []
for (const b of benches) {
  const t0 = performance.now()
  log(`▶ ${b.name}: ${b.title}`)
  const body = await b.run({ databaseUrl, log })
  bodies.push(
    `### ${b.title}\n\n${body}\n\n_(${b.name} took ${((performance.now() - t0) / 1000).toFixed(0)} s)_`,
  )
}

const stamp = `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`
const section = [
  `## ${stamp}`,
  '',
  `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM; ${machine.os}, Linux ${machine.kernel}`,
  `- Software: Node.js ${machine.node}, npm ${machine.npm}, SQLite ${machine.sqlite}; edu-ledger at ${machine.commit}`,
  `- Load average at start (1/5/15 min): ${machine.load}`,
  `- PostgreSQL: ${databaseUrl ? redactUrl(databaseUrl) : 'not measured (DATABASE_URL not set)'}`,
  '',
  bodies.join('\n\n'),
  '',
].join('\n')

console.log(`\n${section}`)
if (process.env.BENCH_NO_WRITE === '1') process.exit(0)
const existing = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : HEADER
// Results go before the "How it is measured" part, which stays at the end of the file.
const marker = '\n## How it is measured'
const at = existing.indexOf(marker)
const next =
  at >= 0
    ? `${existing.slice(0, at).trimEnd()}\n\n${section}${existing.slice(at)}`
    : `${existing.trimEnd()}\n\n${section}`
fs.writeFileSync(DOC, next)
console.log(`appended to ${path.relative(ROOT, DOC)}`)
