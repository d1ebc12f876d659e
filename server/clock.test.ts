import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileClock } from './clock.js'

describe('fileClock', () => {
  it('follows the file and falls back to the system clock without it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-'))
    const file = path.join(dir, 'now')
    const clock = fileClock(file)
    const before = Date.now()
    expect(clock().getTime()).toBeGreaterThanOrEqual(before)
    fs.writeFileSync(file, '2026-12-31T02:00:00.000Z')
    expect(clock().toISOString()).toBe('2026-12-31T02:00:00.000Z')
    // A rewrite with a later mtime moves the clock.
    fs.writeFileSync(file, '2027-01-05T02:00:00.000Z')
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000))
    expect(clock().toISOString()).toBe('2027-01-05T02:00:00.000Z')
    fs.writeFileSync(file, 'not a date')
    fs.utimesSync(file, new Date(), new Date(Date.now() + 10000))
    expect(clock().getTime()).toBeGreaterThanOrEqual(before)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
