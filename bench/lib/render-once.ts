/**
 * One cold measurement for bench/reports.ts, in a process of its own (nothing cached: the
 * registry's cache is emptied, and no in-process memo, decrypted name or JIT survives from an
 * earlier run). `render`: the campaign report to .docx; `figures`: only computing its figures.
 * Prints `{"ms": …}`.
 */
import { sql } from 'kysely'
import { parsePeriod } from '../../domain/indicators/periods.js'
import { loadModules } from '../../server/app.js'
import { SYSTEM_ACTOR } from '../../server/context.js'
import { readEnv } from '../../server/env.js'
import { evaluateIndicator } from '../../server/modules/indicators/evaluate.js'
import { findIndicator } from '../../server/modules/indicators/registry.js'
import { renderReport } from '../../server/modules/reports/render.js'
import { snapshotDocument } from '../../server/modules/reports/snapshots.js'
import { openRuntime } from '../../server/runtime.js'

const [dir, mode, period, figuresJson] = process.argv.slice(2)
const rt = await openRuntime(
  { ...readEnv(), EDU_LEDGER_DATA_DIR: dir as string, DATABASE_URL: undefined },
  await loadModules(),
  { startJobs: false },
)
const ctx = { ...rt.services, actor: SYSTEM_ACTOR, locale: 'zh-CN' as const }
await sql`delete from indicator_cache`.execute(rt.services.db)
const t0 = performance.now()
if (mode === 'render') {
  const { id } = await renderReport(ctx, { template: 'campaign_summary', period: period as string })
  await snapshotDocument(ctx, id, { format: 'docx', copy: 'full' })
} else {
  const root = await rt.services.db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow()
  const unit = { id: Number(root.id), path: root.path }
  for (const f of JSON.parse(figuresJson as string) as { key: string; period: string }[]) {
    const ind = await findIndicator(rt.services.db, f.key)
    if (ind) await evaluateIndicator(ctx, ind, parsePeriod(f.period) as never, unit)
  }
}
const ms = performance.now() - t0
await rt.close()
console.log(JSON.stringify({ ms }))
