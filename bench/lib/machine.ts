/** What the numbers were measured on: printed at the top of every benchmark section. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import SQLite from 'better-sqlite3'
import { ROOT } from './server.js'

function tryRun(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return '?'
  }
}

function osName(): string {
  try {
    const text = fs.readFileSync('/etc/os-release', 'utf8')
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(text)?.[1] ?? `${os.type()} ${os.release()}`
  } catch {
    return `${os.type()} ${os.release()}`
  }
}

export interface Machine {
  cpu: string
  cores: number
  memory: string
  os: string
  kernel: string
  node: string
  npm: string
  sqlite: string
  commit: string
  load: string
}

export function machineInfo(): Machine {
  const db = new SQLite(':memory:')
  const sqlite = (db.prepare('select sqlite_version() as v').get() as { v: string }).v
  db.close()
  const dirty = tryRun('git', ['status', '--porcelain']) !== ''
  return {
    cpu: os.cpus()[0]?.model.trim() ?? '?',
    cores: os.availableParallelism(),
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: osName(),
    kernel: os.release(),
    node: process.version,
    npm: tryRun('npm', ['--version']),
    sqlite,
    commit: `${tryRun('git', ['rev-parse', '--short', 'HEAD'])}${dirty ? ' (with uncommitted changes)' : ''}`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  }
}
