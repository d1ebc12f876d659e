/**
 * Browser journeys: a real server (child process) and Debian's Chromium driven by playwright-core.
 * One file at a time in one worker: each file starts its own server and browser, and screenshots
 * are only comparable when nothing else competes for the CPU.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
})
