/**
 * The province demo (≈12,000 units, 300,000 petition cases, every module's province-scale demo) on
 * SQLite, generated once by the app's own first start and kept in bench/.cache under a key of the
 * code that shapes it; each benchmark then works on a fresh copy, so nothing one bench writes leaks
 * into the next.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT, startApp } from './server.js'

export const CACHE = path.join(ROOT, 'bench', '.cache')

export const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'edu-ledger-bench-'))

const listDir = (rel: string) =>
  fs.existsSync(path.join(ROOT, rel))
    ? fs.readdirSync(path.join(ROOT, rel)).map((f) => path.join(rel, f))
    : []

/**
 * Hash of everything that shapes the province data: the demo generator, every module's demo code and
 * every migration. A cached file older than its code is not reused.
 */
export function provinceDataKey(): string {
  const h = createHash('sha1')
  const modules = fs.readdirSync(path.join(ROOT, 'server/modules')).map((m) => `server/modules/${m}`)
  const files = [
    ...listDir('server/demo'),
    ...modules.flatMap(listDir).filter((f) => /\/demo[^/]*\.ts$/.test(f) && !f.endsWith('.test.ts')),
    ...['server/db/migrations', ...modules.map((m) => `${m}/migrations`)].flatMap(listDir),
  ].sort()
  for (const f of files) {
    const abs = path.join(ROOT, f)
    if (fs.statSync(abs).isFile()) h.update(f).update(fs.readFileSync(abs))
  }
  return h.digest('hex').slice(0, 12)
}

export interface ProvinceCopy {
  /** A fresh data directory holding a copy of the cached province database; the caller removes it. */
  dataDir: string
  /** Milliseconds the first start took when the data was generated in this run, else 0. */
  prepMs: number
  prepNote: string
}

/** A fresh copy of the cached province demo, generating and caching it first if needed. */
export async function provinceSqliteCopy(log: (m: string) => void): Promise<ProvinceCopy> {
  const cached = path.join(CACHE, `province-${provinceDataKey()}`)
  let prepMs = 0
  let prepNote = `reused ${path.relative(ROOT, cached)}`
  if (!fs.existsSync(path.join(cached, 'edu-ledger.sqlite'))) {
    log('  SQLite: generating the province demo (once per schema and demo code)…')
    const dir = tempDir()
    const gen = await startApp({ dataDir: dir, env: { EDU_LEDGER_DEMO: 'province' }, timeoutMs: 1_800_000 })
    prepMs = gen.readyMs
    prepNote = 'generated now by the first `npm start` (migrate + province demo), then cached'
    await gen.stop()
    fs.mkdirSync(CACHE, { recursive: true })
    fs.rmSync(`${cached}.part`, { recursive: true, force: true })
    fs.cpSync(dir, `${cached}.part`, { recursive: true })
    // Another bench may have cached the same key meanwhile: then its copy stands and ours goes.
    if (fs.existsSync(cached)) fs.rmSync(`${cached}.part`, { recursive: true, force: true })
    else fs.renameSync(`${cached}.part`, cached)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const dataDir = tempDir()
  fs.cpSync(cached, dataDir, { recursive: true })
  return { dataDir, prepMs, prepNote }
}
