import { defineConfig } from 'vitest/config'

/**
 * The unit, use-case and API suite (`npm test`). End-to-end journeys (e2e/) and fault injection
 * (tests/faults/) have their own configs. Every test that touches a database runs on SQLite, and
 * on PostgreSQL too when DATABASE_URL is set (`npm run test:pg`).
 */
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'domain/**/*.test.ts', 'tests/**/*.test.ts', 'web/**/*.test.ts'],
    exclude: ['e2e/**', 'tests/faults/**', 'node_modules/**'],
    env: { TZ: 'Asia/Shanghai' },
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
