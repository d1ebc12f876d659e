/**
 * Reading teacher-ethics cases: lists and the case itself are masked (张**, 210102********1235, the
 * finding with the name masked). The full view is for roles with `ethics.personal`, in scope, on
 * request (`?full=true`), and every such view writes an `ethics.reveal` audit row; asking without
 * the permission is refused. A published case's public summary is readable by any signed-in user.
 */
import { HANDLING_LABELS, type Handling } from '../../../domain/rectification/public-summary.js'
import { recordAudit } from '../../audit/record.js'
import type { Ctx, Tx } from '../../context.js'
import { forbidden, notFound, unauthenticated } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { attachmentsOf } from '../attachments/present.js'
import type { AttachmentView } from '../attachments/schema.js'
import { label } from './present.js'
import {
  type EthicsCaseRow,
  type EthicsFilter,
  type EthicsListRow,
  findEthicsWithNames,
  listEthicsCases,
} from './repository.js'
import type { EthicsCaseDetail, EthicsCaseSummary, ListEthicsQuery } from './schema.js'
import { idHash, openTeacher } from './teachers.js'
import { filterPath } from './units.js'

/** Owner type of case documents in the attachments module (see ethics-attachments.ts). */
export const ETHICS_FILES = 'ethics_case'

export function toEthicsFilter(
  ctx: Ctx,
  q: Omit<ListEthicsQuery, 'page' | 'pageSize'>,
  scopePath: string,
): EthicsFilter {
  return {
    scopePath,
    q: q.q,
    violationTypeId: q.violationTypeId,
    handling: q.handling,
    published: q.published === undefined ? undefined : q.published === 'true',
    teacherIdHash: q.teacherIdNumber ? idHash(ctx.personal, q.teacherIdNumber) : undefined,
    from: q.from,
    to: q.to,
    includeVoided: q.includeVoided === 'true',
  }
}

export function presentEthicsSummary(r: EthicsListRow, ctx: Pick<Ctx, 'locale'>): EthicsCaseSummary {
  const handling = r.handling as Handling
  return {
    id: r.id,
    caseNo: r.case_no,
    teacherName: r.teacher_name_mask,
    teacherIdNumber: r.teacher_id_mask,
    schoolId: r.school_unit_id,
    school: r.school_name,
    occurredOn: r.occurred_on,
    violationTypeId: r.violation_type_id,
    violationType: r.violation_type_name,
    handling,
    handlingLabel: HANDLING_LABELS[handling] ? label(HANDLING_LABELS[handling], ctx.locale) : r.handling,
    published: r.published === 1,
    publishedOn: r.published_on,
    version: r.version,
    voided: r.voided_at !== null,
  }
}

export async function listEthics(ctx: Ctx, q: ListEthicsQuery) {
  authorize(ctx.actor, 'ethics.read')
  const scopePath = await filterPath(ctx.db, ctx.actor, q.schoolId)
  const { items, total } = await listEthicsCases(ctx.db, ctx.dialect, toEthicsFilter(ctx, q, scopePath), {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  })
  return { items: items.map((r) => presentEthicsSummary(r, ctx)), total }
}

/** A case the actor may see (voided too), or 404: out of scope looks like missing. */
export async function loadVisibleEthicsCase(
  ctx: Pick<Ctx, 'actor'> & { db: Tx },
  id: number,
): Promise<EthicsListRow> {
  const row = await findEthicsWithNames(ctx.db, id)
  if (!row || !inScope(ctx.actor, row.scope_path)) throw notFound()
  return row
}

export function presentEthicsDetail(
  row: EthicsListRow,
  ctx: Pick<Ctx, 'locale' | 'personal'>,
  opts: { full: boolean; canSeePersonal: boolean; attachments: AttachmentView[] },
): EthicsCaseDetail {
  const base = presentEthicsSummary(row, ctx)
  const plain = opts.full ? openTeacher(ctx.personal, row as EthicsCaseRow) : null
  return {
    ...base,
    ...(plain ? { teacherName: plain.name, teacherIdNumber: plain.idNumber } : {}),
    finding: plain ? plain.finding : row.finding_mask,
    handlingDetail: row.handling_detail,
    handledOn: row.handled_on,
    publicSummary: row.published === 1 ? row.public_summary : null,
    personalMasked: !plain,
    canSeePersonal: opts.canSeePersonal,
    voidReason: row.void_reason,
    attachments: opts.canSeePersonal ? opts.attachments : [],
  }
}

export async function getEthicsCase(ctx: Ctx, id: number, full = false): Promise<EthicsCaseDetail> {
  authorize(ctx.actor, 'ethics.read')
  const canSeePersonal = hasPermission(ctx.actor.role, 'ethics.personal')
  if (full && !canSeePersonal) throw forbidden('ethics_personal_forbidden')
  const row = await loadVisibleEthicsCase(ctx, id)
  if (full) {
    // Every full view is on the record: who looked at which teacher's data, and when.
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, ctx.actor, {
        action: 'ethics.reveal',
        entity: 'ethics_case',
        entityId: id,
        before: null,
        after: { caseNo: row.case_no },
      }),
    )
  }
  const attachments = canSeePersonal ? ((await attachmentsOf(ctx.db, ETHICS_FILES, [id])).get(id) ?? []) : []
  return presentEthicsDetail(row, ctx, { full, canSeePersonal, attachments })
}

/** The published summary: no personal data, so any signed-in user may read it; unpublished is 404. */
export async function getPublicCase(ctx: Ctx, id: number) {
  if (!ctx.actor) throw unauthenticated()
  const row = await findEthicsWithNames(ctx.db, id)
  if (!row || row.voided_at || row.published !== 1) throw notFound()
  return {
    id: row.id,
    caseNo: row.case_no,
    violationType: row.violation_type_name,
    handling: row.handling as Handling,
    occurredIn: row.occurred_on.slice(0, 7),
    publishedOn: row.published_on,
    publicSummary: row.public_summary,
  }
}
