/** The SQL behind selections' figures (figures-provider.ts): final lists within a range, in a subtree. */
import type { Tx } from '../../context.js'

/** Results of the current decision of live programmes made final in [from, to], for units in the subtree. */
export async function finalResultRows(db: Tx, scopePath: string, from: string, to: string) {
  const rows = await db
    .selectFrom('selection_results as r')
    .innerJoin('selection_programmes as p', (j) =>
      j.onRef('p.id', '=', 'r.programme_id').onRef('p.decision_no', '=', 'r.decision_no'),
    )
    .innerJoin('selection_applications as a', 'a.id', 'r.application_id')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .select(['r.id', 'r.outcome', 'r.final_outcome', 'a.form_json', 'p.kind', 'u.name as unit_name'])
    .where('p.status', '=', 'final')
    .where('p.voided_at', 'is', null)
    .where('p.finalised_on', '>=', from)
    .where('p.finalised_on', '<=', to)
    .where('u.path', 'like', `${scopePath}%`)
    .execute()
  return rows.map((r) => ({ ...r, outcome: r.final_outcome ?? r.outcome }))
}

/** Live programmes run in the subtree and made final in [from, to]. */
export async function finalProgrammeCount(
  db: Tx,
  scopePath: string,
  from: string,
  to: string,
): Promise<number> {
  const r = await db
    .selectFrom('selection_programmes as p')
    .innerJoin('org_units as o', 'o.id', 'p.owner_unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.status', '=', 'final')
    .where('p.voided_at', 'is', null)
    .where('p.finalised_on', '>=', from)
    .where('p.finalised_on', '<=', to)
    .where('o.path', 'like', `${scopePath}%`)
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}

/** Live programmes, for the registry's per-programme indicators. */
export function liveProgrammes(db: Tx) {
  return db
    .selectFrom('selection_programmes')
    .select(['id', 'name', 'batch', 'kind'])
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute()
}

/** One programme's current final list for units in the subtree (empty until it is made final). */
export async function programmeResultRows(db: Tx, programmeId: number, scopePath: string) {
  const rows = await db
    .selectFrom('selection_results as r')
    .innerJoin('selection_programmes as p', (j) =>
      j.onRef('p.id', '=', 'r.programme_id').onRef('p.decision_no', '=', 'r.decision_no'),
    )
    .innerJoin('selection_applications as a', 'a.id', 'r.application_id')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .select(['r.outcome', 'r.final_outcome', 'a.form_json', 'a.title', 'u.name as unit_name'])
    .where('p.id', '=', programmeId)
    .where('p.status', '=', 'final')
    .where('p.voided_at', 'is', null)
    .where('u.path', 'like', `${scopePath}%`)
    .orderBy('r.id')
    .execute()
  return rows.map((r) => ({ ...r, outcome: r.final_outcome ?? r.outcome }))
}
