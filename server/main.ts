/** `edu-ledger serve`: migrate, bootstrap on first start, listen. */
import { buildApp, loadModules } from './app.js'
import { bootstrap } from './bootstrap.js'
import { readEnv } from './env.js'
import { loggerOptions } from './http/logger.js'
import { openRuntime } from './runtime.js'

export async function serve(): Promise<void> {
  const env = readEnv()
  const modules = await loadModules()
  const rt = await openRuntime(env, modules)
  const boot = await bootstrap(rt.services, env)
  const app = await buildApp({
    services: rt.services,
    modules,
    logger: loggerOptions(env.EDU_LEDGER_LOG_LEVEL),
    answerCache: {
      mode: env.EDU_LEDGER_ANSWER_CACHE,
      maxBytes: env.EDU_LEDGER_ANSWER_CACHE_MB * 1024 * 1024,
    },
  })
  const shutdown = async () => {
    await app.close()
    await rt.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  await app.listen({ port: env.PORT, host: env.HOST })
  const where = rt.database.dialect === 'sqlite' ? rt.database.file : 'PostgreSQL (DATABASE_URL)'
  const lines = [
    '',
    `edu-ledger 已启动 / started: http://localhost:${env.PORT}`,
    `数据库 / database: ${where}`,
  ]
  if (env.EDU_LEDGER_CLOCK_FILE)
    lines.push(
      `⚠ 测试时钟 / test clock: "now" is read from ${env.EDU_LEDGER_CLOCK_FILE} (EDU_LEDGER_CLOCK_FILE)`,
    )
  if (boot.demoLoaded)
    lines.push(
      '已载入示例数据（示例市）/ demo data loaded; demo users (password Demo@2026): leader, dept_gaojiao, county_heping, school_demo, expert_demo, auditor_demo',
    )
  if (boot.adminPassword)
    lines.push(
      `首个管理员 / first admin: admin  密码 / password: ${boot.adminPassword}   (仅显示一次 / shown once; change it after login)`,
    )
  else if (boot.adminCreated)
    lines.push('首个管理员 / first admin: admin, password from EDU_LEDGER_ADMIN_PASSWORD')
  console.log(lines.join('\n'))
}
