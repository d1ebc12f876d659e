/**
 * Fault injection (`npm run test:faults`): the app as a real child process, killed, starved of disk,
 * cut off from its database, hammered by conflicting clients. Slow and noisy, so one file at a time
 * and outside `npm test`. SQLite always; PostgreSQL too when DATABASE_URL names a server.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/faults/**/*.test.ts'],
    env: { TZ: 'Asia/Shanghai' },
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
})
