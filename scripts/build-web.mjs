#!/usr/bin/env node
/**
 * Builds the web app (web/ → web/dist/) with Vite. Runs from npm `prepare`, so every
 * `npm install` / `npm ci` leaves a servable UI behind.
 *
 * Set EDU_LEDGER_SKIP_WEB_BUILD=1 to skip (e.g. server-only CI). When the dev dependencies are
 * absent (`npm ci --omit=dev`) there is nothing to build with: an existing web/dist is kept and
 * the install goes on; without one the script fails, since the server would have no UI.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const configFile = join(root, 'web', 'vite.config.ts')
const distIndex = join(root, 'web', 'dist', 'index.html')

if (process.env.EDU_LEDGER_SKIP_WEB_BUILD === '1') {
  console.log('build-web: skipped (EDU_LEDGER_SKIP_WEB_BUILD=1)')
  process.exit(0)
}

let vite
try {
  vite = await import('vite')
} catch (err) {
  if (existsSync(distIndex)) {
    console.warn(
      'build-web: vite is not installed (dev dependencies omitted?); keeping the existing web/dist',
    )
    process.exit(0)
  }
  console.error(
    `build-web: vite is not installed and web/dist is missing: ${err instanceof Error ? err.message : err}`,
  )
  process.exit(1)
}

const started = Date.now()
try {
  await vite.build({ configFile, logLevel: 'warn', mode: 'production' })
} catch (err) {
  console.error('build-web: vite build failed')
  console.error(err instanceof Error ? (err.stack ?? err.message) : err)
  process.exit(1)
}
if (!existsSync(distIndex)) {
  console.error('build-web: build finished but web/dist/index.html is missing')
  process.exit(1)
}
console.log(`build-web: web/dist built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
