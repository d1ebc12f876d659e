/**
 * `edu-ledger report templates | render` and `edu-ledger redact`: the report module on the
 * command line, acting as the system actor over the whole tree (or the unit given by --org).
 */
import fs from 'node:fs'
import type { Command } from 'commander'
import { personalMasker } from '../../../domain/redaction/personal.js'
import { type Services, SYSTEM_ACTOR } from '../../context.js'
import { unitFor } from '../indicators/scope.js'
import { renderReport } from './render.js'
import { snapshotDocument } from './snapshots.js'
import { listTemplates } from './templates.js'
import { termsFor } from './terms.js'

type WithServices = <T>(fn: (rt: { services: Services }) => Promise<T>) => Promise<T>

const sysCtx = (s: Services) => ({ ...s, actor: SYSTEM_ACTOR, locale: 'zh-CN' as const })

const readAll = async (file: string | undefined): Promise<string> => {
  if (file && file !== '-') return fs.readFileSync(file, 'utf8')
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export function registerReportCommands(program: Command, withRuntime: WithServices) {
  const report = program.command('report').description('report templates and renderings')
  report
    .command('templates')
    .description('list template keys and titles')
    .action(() =>
      withRuntime(async (rt) => {
        for (const t of (await listTemplates(sysCtx(rt.services))).items)
          console.log(`${t.key.padEnd(28)} v${String(t.currentVersion).padEnd(4)} ${t.title}`)
      }),
    )
  report
    .command('render')
    .description('render a template for a period into a file (the rendering is kept as a snapshot)')
    .requiredOption('--template <key>', 'template key (see `report templates`)')
    .requiredOption('--period <period>', '2023 · 2023-H1 · 2023-Q3 · 2023-11')
    .option('--org <code>', 'org unit code (or id); default the root')
    .option('--compare <compare>', 'what changes are counted against: last_year (default) | previous')
    .option('--format <format>', 'docx | html | md', 'docx')
    .option('--redacted', 'the public copy (公开版)')
    .requiredOption('-o, --output <file>', 'where to write it')
    .action(
      (o: {
        template: string
        period: string
        org?: string
        format: string
        redacted?: boolean
        output: string
      }) =>
        withRuntime(async (rt) => {
          const ctx = sysCtx(rt.services)
          if (!['docx', 'html', 'md'].includes(o.format)) throw new Error('--format is docx, html or md')
          const unit = await unitFor(ctx, { org: o.org })
          const { id } = await renderReport(ctx, {
            template: o.template,
            period: o.period,
            orgUnitId: unit.id,
          })
          const f = await snapshotDocument(ctx, id, {
            format: o.format as 'docx' | 'html' | 'md',
            copy: o.redacted ? 'public' : 'full',
          })
          fs.writeFileSync(o.output, f.body)
          console.log(`snapshot ${id} → ${o.output} (${f.body.length} bytes)`)
        }),
    )

  program
    .command('redact [file]')
    .description('mask a text (stdin to stdout): publication copy (digits and terms) or personal data')
    .option('--terms <file>', 'more terms, one per line')
    .option('--mode <mode>', 'publication | personal', 'publication')
    .action((file: string | undefined, o: { terms?: string; mode: string }) =>
      withRuntime(async (rt) => {
        if (o.mode !== 'publication' && o.mode !== 'personal')
          throw new Error('--mode is publication or personal')
        const extra = o.terms
          ? fs
              .readFileSync(o.terms, 'utf8')
              .split(/\r?\n/)
              .map((t) => t.trim())
              .filter(Boolean)
          : []
        const text = await readAll(file)
        const set = await termsFor(rt.services, '/', text, extra)
        process.stdout.write(
          o.mode === 'personal'
            ? personalMasker([...set.personalNames, ...extra]).mask(text)
            : set.masker.mask(text),
        )
      }),
    )
}
