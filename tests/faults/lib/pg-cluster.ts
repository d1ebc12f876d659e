/**
 * A PostgreSQL cluster of the test's own, so that stopping "the database" stops nothing anyone else
 * uses: initdb into a temporary folder, started and stopped with pg_ctl on a free port. The server
 * binaries must not run as root, so as root they run as the `postgres` user.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../../../bench/lib/server.js'

function binDir(): string | undefined {
  const base = '/usr/lib/postgresql'
  if (!fs.existsSync(base)) return undefined
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] ? path.join(base, versions[0], 'bin') : undefined
}

/** Why a private cluster cannot be made here, or undefined when it can. */
export function clusterUnavailable(): string | undefined {
  if (!binDir()) return 'no PostgreSQL server binaries under /usr/lib/postgresql'
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' })
    } catch {
      return 'running as root and there is no postgres user to run the server as'
    }
  }
  return undefined
}

export interface Cluster {
  url: string
  start(): void
  stop(): void
  dispose(): void
}

export async function createCluster(): Promise<Cluster> {
  const bin = binDir() as string
  const asRoot = process.getuid?.() === 0
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edu-pg-'))
  const data = path.join(dir, 'data')
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir])
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {
      stdio: 'pipe',
      cwd: dir,
    })
  run(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'])
  const port = await freePort()
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  const pgCtl = path.join(bin, 'pg_ctl')
  const cluster: Cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => run(pgCtl, ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start']),
    // -m fast: open connections are cut at once, as a crash or a failover would cut them.
    stop: () => run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']),
    dispose() {
      try {
        cluster.stop()
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
  cluster.start()
  return cluster
}
