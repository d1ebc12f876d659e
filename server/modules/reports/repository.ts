/** SQL of the report module: templates and their versions, snapshots, reviewed terms. */
import type { Insertable, Updateable } from 'kysely'
import type { Tx } from '../../context.js'
import type {
  RedactionTermTable,
  ReportSnapshotTable,
  ReportTemplateTable,
  ReportTemplateVersionTable,
} from './tables.js'

export function listTemplateRows(db: Tx, includeVoided: boolean) {
  let q = db.selectFrom('report_templates').selectAll().orderBy('builtin', 'desc').orderBy('key')
  if (!includeVoided) q = q.where('voided_at', 'is', null)
  return q.execute()
}

export const templateByKey = (db: Tx, key: string) =>
  db.selectFrom('report_templates').selectAll().where('key', '=', key).executeTakeFirst()

export const templateById = (db: Tx, id: number) =>
  db.selectFrom('report_templates').selectAll().where('id', '=', id).executeTakeFirst()

export async function insertTemplate(db: Tx, row: Insertable<ReportTemplateTable>): Promise<number> {
  const r = await db.insertInto('report_templates').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(r.id)
}

/** Optimistic update: false when the row's version moved on meanwhile. */
export async function updateTemplateVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Updateable<ReportTemplateTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('report_templates')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export const insertTemplateVersion = (db: Tx, row: Insertable<ReportTemplateVersionTable>) =>
  db.insertInto('report_template_versions').values(row).execute()

export const templateSource = (db: Tx, templateId: number, versionNo: number) =>
  db
    .selectFrom('report_template_versions')
    .selectAll()
    .where('template_id', '=', templateId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst()

export const templateVersions = (db: Tx, templateId: number) =>
  db
    .selectFrom('report_template_versions')
    .select(['version_no', 'note', 'created_by', 'created_at'])
    .where('template_id', '=', templateId)
    .orderBy('version_no', 'desc')
    .execute()

export async function insertSnapshot(db: Tx, row: Insertable<ReportSnapshotTable>): Promise<number> {
  const r = await db.insertInto('report_snapshots').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(r.id)
}

export const snapshotById = (db: Tx, id: number) =>
  db
    .selectFrom('report_snapshots as s')
    .innerJoin('report_templates as t', 't.id', 's.template_id')
    .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
    .selectAll('s')
    .select(['t.key as template_key', 'o.name as org_name', 'o.path as org_path'])
    .where('s.id', '=', id)
    .executeTakeFirst()

/** Snapshots of units under `scopePath`, newest first. */
export function listSnapshotRows(
  db: Tx,
  scopePath: string,
  f: { templateKey?: string | undefined; limit: number; offset: number },
) {
  let q = db
    .selectFrom('report_snapshots as s')
    .innerJoin('report_templates as t', 't.id', 's.template_id')
    .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
    .where('o.path', 'like', `${scopePath}%`)
    .where('s.voided_at', 'is', null)
  if (f.templateKey) q = q.where('t.key', '=', f.templateKey)
  return Promise.all([
    q
      .select([
        's.id',
        's.title',
        's.period_label',
        's.template_version',
        's.created_at',
        's.created_by',
        's.figures_json',
        't.key as template_key',
        'o.id as org_unit_id',
        'o.name as org_name',
      ])
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
}

export const voidSnapshotRow = (db: Tx, id: number, at: string, reason: string) =>
  db
    .updateTable('report_snapshots')
    .set({ voided_at: at, void_reason: reason })
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst()

export const reviewedTerms = (db: Tx) =>
  db.selectFrom('redaction_terms').selectAll().where('voided_at', 'is', null).orderBy('term').execute()

export const termRow = (db: Tx, id: number) =>
  db.selectFrom('redaction_terms').selectAll().where('id', '=', id).executeTakeFirst()

export async function insertTerm(db: Tx, row: Insertable<RedactionTermTable>): Promise<number> {
  const r = await db.insertInto('redaction_terms').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(r.id)
}

export const voidTermRow = (db: Tx, id: number, version: number, at: string, reason: string) =>
  db
    .updateTable('redaction_terms')
    .set({ voided_at: at, void_reason: reason, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('voided_at', 'is', null)
    .executeTakeFirst()

/**
 * Names of org units (full and short) and of users in a subtree: the terms every public copy masks.
 * A bureau's departments are left out: 办公室, 高等教育处, 信访办 name a function, not a place or a
 * person (the seed keeps 教育局 and masks only the city before it).
 */
export async function unitAndUserNames(db: Tx, scopePath: string): Promise<string[]> {
  const [units, users] = await Promise.all([
    db
      .selectFrom('org_units')
      .select(['name', 'short_name'])
      .where('path', 'like', `${scopePath}%`)
      .where('kind', '!=', 'department')
      .execute(),
    db
      .selectFrom('users as u')
      .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
      .select('u.display_name')
      .where('o.path', 'like', `${scopePath}%`)
      .execute(),
  ])
  return [...units.flatMap((u) => [u.name, u.short_name]), ...users.map((u) => u.display_name)]
}
