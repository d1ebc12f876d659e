/**
 * A full disk under SQLite: the data directory is a small tmpfs, filled to the last byte while the
 * app runs. Writes must be refused with 507 and a clear message (never a 500, never a crash),
 * reads must go on, the file must stay sound, and writing must work again once space returns,
 * without restarting the app. Mounting needs root; elsewhere the test says why it is skipped.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type Client, client, type FaultApp, startFaultApp } from './lib/app.js'
import { sqliteChecks } from './lib/db.js'

const SIZE_MB = 128
const why = process.getuid?.() === 0 ? undefined : 'mounting a tmpfs needs root'

/** Writes zeros until the file system says ENOSPC; returns the bytes written. */
function fillUp(file: string): number {
  const fd = fs.openSync(file, 'w')
  const chunk = Buffer.alloc(64 * 1024)
  let written = 0
  try {
    for (;;) {
      try {
        written += fs.writeSync(fd, chunk, 0, chunk.length)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e
        // The last partial chunk: fill byte by byte so that not one free block is left.
        try {
          for (;;) written += fs.writeSync(fd, chunk, 0, 1)
        } catch {
          return written
        }
      }
    }
  } finally {
    fs.closeSync(fd)
  }
}

describe.skipIf(why)(`a full disk (SQLite)${why ? ` (skipped: ${why})` : ''}`, () => {
  const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'edu-full-'))
  let mounted = false
  let app: FaultApp | undefined
  afterAll(async () => {
    await app?.started.stop()
    if (mounted) execFileSync('umount', [mount])
    fs.rmSync(mount, { recursive: true, force: true })
  })

  it('refuses writes with 507 and a clear message, keeps reading, stays sound, and recovers when space returns', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE_MB}m`, 'tmpfs', mount])
    mounted = true
    const dataDir = path.join(mount, 'data')
    app = await startFaultApp('sqlite', { dataDir })
    const admin = await client(app.started.url)
    const dept = await client(app.started.url, 'dept_gaojiao', 'Demo@2026')
    const school = (await admin.get('/api/org-units?kind=school&pageSize=1')).body.items[0]
    const rename = (c: Client, version: number, shortName: string) =>
      c.send('PATCH', `/api/org-units/${school.id}`, { version, shortName })

    const filler = path.join(mount, 'filler.bin')
    const filled = fillUp(filler)
    console.log(`[full-disk] filled ${(filled / 1e6).toFixed(1)} MB of the ${SIZE_MB} MB tmpfs`)

    // Write progress notes of 4,000 characters until the disk refuses one: SQLite first reuses the
    // space its WAL file already holds, so the refusal comes once that is used up.
    const task = (await dept.get('/api/supervision/tasks?pageSize=200')).body.items.find(
      (t: { canEdit?: boolean }) => t.canEdit !== false,
    )
    const note = (i: number) => `磁盘满时的进展 ${i} ${'记'.repeat(3980)}`
    const outcomes: { status: number; code?: string; message?: string }[] = []
    for (let i = 0; i < 3000; i++) {
      const r = await dept.send('POST', `/api/supervision/tasks/${task.id}/progress`, {
        on: '2026-11-27',
        text: note(i),
      })
      outcomes.push({ status: r.status, code: r.body?.error?.code, message: r.body?.error?.message })
      if (r.status !== 201) break
    }
    const last = outcomes.at(-1)
    console.log(
      `[full-disk] ${outcomes.length - 1} notes saved before the disk refused one: ${JSON.stringify(last)}`,
    )
    if (last?.status === 500)
      console.log(`[full-disk] the app's output:\n${app.started.output().slice(-3000)}`)
    expect(last).toMatchObject({ status: 507, code: 'storage_full' })
    expect(last?.message).toMatch(/磁盘空间不足/)
    // A small write of another kind may still find a free page, or is refused the same way; never
    // a 500. Nothing of the refused ones was half-written.
    const renamed = await rename(admin, school.version, '磁盘满时改名')
    expect([200, 507]).toContain(renamed.status)
    const saved = outcomes.filter((o) => o.status === 201).length
    const notes = (await dept.get(`/api/supervision/tasks/${task.id}`)).body
    const mine = (notes.notes ?? []).filter((p: { text: string }) => p.text.startsWith('磁盘满时的进展'))
    expect(mine).toHaveLength(saved)

    // Reads go on.
    const current = (await admin.get(`/api/org-units/${school.id}`)).body
    expect(current.shortName).toBe(renamed.status === 200 ? '磁盘满时改名' : school.shortName)
    expect((await dept.get('/api/supervision/tasks?pageSize=5')).status).toBe(200)
    expect((await fetch(`${app.started.url}/api/health`)).status).toBe(200)

    // Space returns: the same process writes again.
    fs.rmSync(filler)
    const again = await rename(admin, current.version, '空间恢复后改名')
    const more = await dept.send('POST', `/api/supervision/tasks/${task.id}/progress`, {
      on: '2026-11-27',
      text: '空间恢复后的进展',
    })
    expect(more.status, JSON.stringify(more.body)).toBe(201)
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.body.shortName).toBe('空间恢复后改名')

    await app.started.stop()
    expect(sqliteChecks(dataDir)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 })
  })
})
