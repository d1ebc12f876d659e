/**
 * Starts the app the way a user does (`npm start`, or `node bin/edu-ledger.mjs serve`) and measures
 * it from the outside: time to a healthy /api/health, and the server process's resident memory.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const ADMIN_PASSWORD = 'Bench-Admin-2026'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

export interface Started {
  url: string
  /** Milliseconds from spawning the command to the first 200 from /api/health. */
  readyMs: number
  /** The node process that serves HTTP (not npm, not a shell). */
  serverPid: number
  output(): string
  stop(): Promise<void>
}

export interface StartOptions {
  dataDir: string
  /** `npm` runs `npm start`; `node` runs the bin directly (no npm in between). */
  via?: 'npm' | 'node'
  env?: Record<string, string>
  timeoutMs?: number
}

function childrenOf(pid: number): number[] {
  const out: number[] = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      // Field 4 (ppid) comes after the parenthesised command, which may itself hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) out.push(Number(name))
    } catch {
      // the process ended while we looked
    }
  }
  return out
}

function argv(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
  } catch {
    return []
  }
}

/**
 * The descendant of `pid` (or `pid` itself) whose program is node running `edu-ledger.mjs serve`;
 * npm's `sh -c "node bin/edu-ledger.mjs serve"` has the same words but is not it.
 */
export function findServerPid(pid: number): number | undefined {
  const queue = [pid]
  while (queue.length > 0) {
    const p = queue.shift() as number
    const [program = '', ...args] = argv(p)
    const isNode = path.basename(program) === 'node' || program === process.execPath
    if (isNode && args.some((a) => a.endsWith('edu-ledger.mjs')) && args.includes('serve')) return p
    queue.push(...childrenOf(p))
  }
  return undefined
}

/** Resident set size in bytes from /proc/<pid>/status (VmRSS). */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]
  if (!kb) throw new Error(`no VmRSS for ${pid}`)
  return Number(kb) * 1024
}

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`)

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (!alive(pid)) return true
    await new Promise((r) => setTimeout(r, 20))
  }
  return !alive(pid)
}

/** Spawns the app in its own process group and waits for /api/health, polling every 10 ms. */
export async function startApp(opts: StartOptions): Promise<Started> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    EDU_LEDGER_DATA_DIR: opts.dataDir,
    EDU_LEDGER_ADMIN_PASSWORD: ADMIN_PASSWORD,
    EDU_LEDGER_DEMO: 'city',
    ...opts.env,
  }
  if (!opts.env?.DATABASE_URL) delete env.DATABASE_URL
  const [cmd, args] =
    opts.via === 'node'
      ? [process.execPath, [path.join(ROOT, 'bin', 'edu-ledger.mjs'), 'serve']]
      : ['npm', ['start']]
  const t0 = performance.now()
  const child: ChildProcess = spawn(cmd, args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (b: Buffer) => {
    log += b.toString()
  })
  child.stderr?.on('data', (b: Buffer) => {
    log += b.toString()
  })
  const pgid = child.pid as number
  const stop = async () => {
    const server = findServerPid(pgid)
    try {
      process.kill(-pgid, 'SIGTERM')
    } catch {
      // already gone
    }
    const gone = await waitGone(server ?? pgid, 10_000)
    if (!gone) {
      try {
        process.kill(-pgid, 'SIGKILL')
      } catch {
        // already gone
      }
      await waitGone(server ?? pgid, 5_000)
    }
    await waitGone(pgid, 5_000)
  }
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000)
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${log}`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`app not healthy in time:\n${log}`)
    }
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) {
        await res.arrayBuffer()
        break
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10))
  }
  const readyMs = performance.now() - t0
  const serverPid = findServerPid(pgid)
  if (!serverPid) {
    await stop()
    throw new Error('healthy, but no `edu-ledger.mjs serve` process found under the spawned command')
  }
  return { url, readyMs, serverPid, output: () => log, stop }
}

/** Logs in and returns the session cookie header for further requests. */
export async function loginCookie(
  url: string,
  username = 'admin',
  password = ADMIN_PASSWORD,
): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`)
  await res.arrayBuffer()
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}
