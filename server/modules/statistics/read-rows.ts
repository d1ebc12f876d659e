/** Listing a ledger's rows in scope, with filters, paging and sorting; and exporting any view. */
import { enumValueOf } from '../../../domain/statistics/columns.js'
import type { Ctx } from '../../context.js'
import { badRequest, notFound } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { loadLedger } from './access.js'
import type { Ledger } from './definition.js'
import { presentRow } from './present.js'
import { allRows, listRowPage, type RowFilter, unitsByIds } from './repository.js'
import type { LedgerRowView, ListRowsQuery } from './schema.js'

const MAX_EXPORT = 100_000

async function toFilter(ctx: Ctx, ledger: Ledger, q: ListRowsQuery): Promise<RowFilter> {
  let underPath: string | undefined
  if (q.orgUnitId !== undefined) {
    const u = (await unitsByIds(ctx.db, [q.orgUnitId])).get(q.orgUnitId)
    if (!u || !inScope(ctx.actor, u.path)) throw notFound()
    underPath = u.path
  }
  const equals: RowFilter['equals'] = []
  for (const w of q.where === undefined ? [] : Array.isArray(q.where) ? q.where : [q.where]) {
    const at = w.indexOf(':')
    const col = ledger.columns.find((c) => c.key === w.slice(0, at))
    const text = w.slice(at + 1)
    const bad = () =>
      badRequest('validation', {}, [
        { field: 'where', key: 'stats_filter_value', params: { column: w, op: 'eq' } },
      ])
    if (at < 1 || !col) throw bad()
    if (col.type === 'enum') {
      const v = enumValueOf(col, text)
      if (v === null) throw bad()
      equals.push({ slot: col.slot, value: v })
    } else if (col.type === 'text' || col.type === 'date') {
      equals.push({ slot: col.slot, value: text })
    } else {
      const n =
        col.type === 'boolean' ? (text === 'true' ? 1 : text === 'false' ? 0 : Number.NaN) : Number(text)
      if (!Number.isFinite(n)) throw bad()
      equals.push({ slot: col.slot, value: n })
    }
  }
  const sortCol = q.sort ? ledger.columns.find((c) => c.key === q.sort) : undefined
  if (q.sort && !sortCol)
    throw badRequest('validation', {}, [
      { field: 'sort', key: 'stats_unknown_column', params: { column: q.sort, ledger: ledger.key } },
    ])
  return {
    ledgerId: ledger.id,
    scopePath: ctx.actor.scopePath,
    underPath,
    from: q.from,
    to: q.to,
    status: q.status,
    submissionId: q.submissionId,
    includeVoided: q.includeVoided === 'true',
    textSlots: ledger.columns.filter((c) => c.type === 'text').map((c) => c.slot),
    q: q.q,
    equals,
    sortSlot: sortCol?.slot,
    order: q.order,
  }
}

export async function listRows(
  ctx: Ctx,
  key: string,
  q: ListRowsQuery,
): Promise<{ items: LedgerRowView[]; total: number }> {
  authorize(ctx.actor, 'stats.read')
  const ledger = await loadLedger(ctx.db, key, { allowVoided: true })
  const f = await toFilter(ctx, ledger, q)
  const page = await listRowPage(ctx.db, ctx.dialect, f, q.page, q.pageSize)
  return { total: page.total, items: page.items.map((r) => presentRow(ledger, r, r.unit_name)) }
}

/** The rows of the view on screen as .xlsx, headed with the columns' Chinese labels. */
export async function exportRows(
  ctx: Ctx,
  key: string,
  q: ListRowsQuery,
): Promise<{ name: string; bytes: Buffer }> {
  authorize(ctx.actor, 'stats.read')
  const ledger = await loadLedger(ctx.db, key, { allowVoided: true })
  const f = await toFilter(ctx, ledger, q)
  const rows = await allRows(ctx.db, ctx.dialect, f, MAX_EXPORT)
  const orgIds = ledger.columns
    .filter((c) => c.type === 'org')
    .flatMap((c) => rows.map((r) => (r as unknown as Record<string, unknown>)[c.slot]))
    .filter((v): v is number => typeof v === 'number')
  const units = await unitsByIds(ctx.db, orgIds)
  const STATUS: Record<string, string> = {
    draft: '草稿',
    submitted: '已报送',
    approved: '已审核',
    returned: '已退回',
  }
  const bytes = await writeXlsx([
    {
      name: ledger.nameZh,
      columns: [
        { header: '填报单位', key: '_unit', width: 20 },
        ...ledger.columns.map((c) => ({
          header: c.type === 'money' ? `${c.labelZh}（元）` : c.labelZh,
          key: c.key,
          ...(c.type === 'date' ? { type: 'date' as const } : {}),
          ...(c.type === 'money' ? { numFmt: '#,##0.00' } : {}),
        })),
        { header: '状态', key: '_status' },
      ],
      rows: rows.map((r) => {
        const v = presentRow(ledger, r, r.unit_name).values
        const out: Record<string, unknown> = {
          _unit: r.unit_name,
          _status: r.voided_at ? '已作废' : (STATUS[r.status] ?? r.status),
        }
        for (const c of ledger.columns) {
          const x = v[c.key]
          if (x === null || x === undefined) out[c.key] = ''
          else if (c.type === 'money') out[c.key] = Number(x) / 100
          else if (c.type === 'boolean') out[c.key] = x ? '是' : '否'
          else if (c.type === 'enum') out[c.key] = c.options?.find((o) => o.value === x)?.labelZh ?? x
          else if (c.type === 'org') out[c.key] = units.get(Number(x))?.name ?? x
          else out[c.key] = x
        }
        return out
      }),
    },
  ])
  return { name: `${ledger.nameZh}.xlsx`, bytes }
}
