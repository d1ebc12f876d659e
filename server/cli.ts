/**
 * The `edu-ledger` command. It holds no logic of its own: each command opens the runtime and
 * calls the same use cases and services the HTTP routes use.
 */
import { Command } from 'commander'
import { loadModules } from './app.js'
import { verifyAuditChain } from './audit/verify.js'
import { SYSTEM_ACTOR } from './context.js'
import { backup, restore } from './db/backup.js'
import { loadDemo } from './demo/load.js'
import { readEnv } from './env.js'
import { AppError, renderError } from './http/errors.js'
import { serve } from './main.js'
import { formatFigureLine } from './modules/indicators/cli-format.js'
import { readFigure } from './modules/indicators/read-figure.js'
import { listIndicators } from './modules/indicators/read-indicators.js'
import { registerReportCommands } from './modules/reports/cli.js'
import { createUser } from './modules/users/manage-users.js'
import { isRole } from './policies/roles.js'
import { openRuntime } from './runtime.js'
import { VERSION } from './version.js'

async function withRuntime<T>(fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const env = readEnv()
  const rt = await openRuntime(env, await loadModules(), { startJobs: false })
  try {
    return await fn(rt)
  } finally {
    await rt.close()
  }
}

const program = new Command('edu-ledger')
  .description('教育工作台账与汇报平台 / education ledgers and reports')
  .version(VERSION)

program
  .command('serve')
  .description('start the web server (migrates and loads the demo on first start)')
  .action(serve)

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() => withRuntime(async (rt) => console.log(`migrations applied: ${rt.migrations.length}`)))

program
  .command('demo')
  .description('load the demo org tree, users and petition cases into an empty database')
  .option('--scale <scale>', 'city | province', 'city')
  .option('--seed <n>', 'random seed', '2026')
  .option('--petitions <n>', 'petition cases (default 3,000 city, 300,000 province; 0 for none)')
  .action((o: { scale: string; seed: string; petitions?: string }) =>
    withRuntime(async (rt) => {
      if (o.scale !== 'city' && o.scale !== 'province') throw new Error('--scale is city or province')
      const petitions = o.petitions === undefined ? undefined : Number(o.petitions)
      if (petitions !== undefined && !(Number.isInteger(petitions) && petitions >= 0))
        throw new Error('--petitions is a whole number ≥ 0')
      const r = await loadDemo(
        rt.services,
        o.scale,
        Number(o.seed),
        petitions === undefined ? {} : { petitions },
      )
      console.log(`demo loaded: ${r.units} org units, ${r.users} users, ${r.petitions} petition cases`)
    }),
  )

const user = program.command('user').description('manage users')
user
  .command('add <username>')
  .requiredOption('--role <role>', 'admin | leader | department | county | school | expert | auditor')
  .requiredOption('--org <id>', 'id of the org unit that is the user’s scope')
  .requiredOption('--password <password>', 'initial password (at least 10 characters, letters and digits)')
  .option('--name <displayName>', 'display name')
  .action((username: string, o: { role: string; org: string; password: string; name?: string }) =>
    withRuntime(async (rt) => {
      if (!isRole(o.role)) throw new Error(`unknown role ${o.role}`)
      const u = await createUser(
        { ...rt.services, actor: SYSTEM_ACTOR, locale: 'zh-CN' },
        {
          username,
          displayName: o.name ?? username,
          role: o.role,
          orgUnitId: Number(o.org),
          password: o.password,
        },
      )
      console.log(`user ${u.username} (${u.role}) created, id ${u.id}`)
    }),
  )

program
  .command('backup <file>')
  .description('write every table to a portable backup file')
  .action((file: string) =>
    withRuntime(async (rt) => {
      const r = await backup(rt.database, file)
      console.log(`backup written: ${file} (${r.tables} tables, ${r.rows} rows)`)
    }),
  )

program
  .command('restore <file>')
  .description('load a backup into an empty database')
  .action((file: string) =>
    withRuntime(async (rt) => {
      const r = await restore(rt.database, file)
      console.log(`restored ${r.tables} tables, ${r.rows} rows`)
    }),
  )

const audit = program.command('audit').description('the audit log')
audit
  .command('verify')
  .description('check the audit hash chain; exits 1 when a row was changed or removed')
  .action(() =>
    withRuntime(async (rt) => {
      const r = await verifyAuditChain(rt.services.db)
      if (r.ok) console.log(`audit chain ok: ${r.checked} rows`)
      else {
        console.error(`audit chain BROKEN: ${r.problems.length} problems in ${r.checked} rows`)
        for (const p of r.problems.slice(0, 20)) console.error(`  row ${p.id}: ${p.reason}`)
        process.exitCode = 1
      }
    }),
  )

program
  .command('indicator <keyOrList>')
  .description(
    '`indicator list`, or one indicator: `indicator <key> --period 2023 --org <code> --compare yoy`',
  )
  .option('--period <period>', '2023 · 2023-H1 · 2023-Q3 · 2023-11 · 2023-01-01~2023-11-30')
  .option('--org <code>', 'org unit code (or id); default the root')
  .option('--compare <list>', 'yoy, prev or yoy,prev')
  .option('--source <source>', 'list: module | aggregate | expression | manual')
  .option('--json', 'print JSON')
  .action(
    (
      keyOrList: string,
      o: { period?: string; org?: string; compare?: string; source?: string; json?: boolean },
    ) =>
      withRuntime(async (rt) => {
        const ctx = { ...rt.services, actor: SYSTEM_ACTOR, locale: 'zh-CN' as const }
        if (keyOrList === 'list') {
          const { items } = await listIndicators(ctx, { source: o.source })
          if (o.json) console.log(JSON.stringify(items, null, 2))
          else
            for (const i of items)
              console.log(`${i.key.padEnd(44)} ${i.source.padEnd(10)} ${i.zh}（${i.unitZh}）`)
          return
        }
        if (!o.period) throw new Error('--period is required, e.g. --period 2023')
        const compare = (o.compare ?? '')
          .split(',')
          .filter((c): c is 'yoy' | 'prev' => c === 'yoy' || c === 'prev')
        const f = await readFigure(ctx, { key: keyOrList, period: o.period, org: o.org, compare })
        console.log(o.json ? JSON.stringify(f, null, 2) : formatFigureLine(f))
      }),
  )

registerReportCommands(program, withRuntime)

program.parseAsync().catch((e: unknown) => {
  if (e instanceof AppError) {
    const zh = renderError(e, 'zh-CN').error
    console.error([zh.message, ...(zh.fields ?? []).map((f) => `  ${f.field}: ${f.message}`)].join('\n'))
    console.error(JSON.stringify(renderError(e, 'en').error))
  } else console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
