/**
 * Two more floors under the petition import, beside exceljs reading the file: what the database
 * alone spends writing as many cases as the import writes, and what sealing as many petitioners
 * (AES-256-GCM of each personal field, keyed hashes for lookups) costs alone. Together with the
 * read they are the work no import of this ledger can skip; the rest is ours.
 */
import { randomBytes } from 'node:crypto'
import { sealPerson } from '../../server/modules/petitions/people.js'
import { createCipher } from '../../server/privacy/personal-data.js'

/** Runs `sql` (and returns its columns) on one connection of either database. */
export interface RawSql {
  exec(sql: string): Promise<void>
  columns(table: string): Promise<string[]>
}

/**
 * Copies `n` existing cases with new ids and case numbers, with their petitioner and their first
 * timeline event (what one imported row becomes: three rows, every index kept up to date), inside
 * one transaction as the import does, then rolls it back. Pure SQL (`insert … select`): no value
 * crosses into JavaScript, so this is the database's own share.
 */
export async function insertFloor(db: RawSql, n: number): Promise<number> {
  const list = async (table: string, set: Record<string, string>) => {
    const cols = (await db.columns(table)).filter((c) => c !== 'id' || 'id' in set)
    return { cols: cols.join(', '), values: cols.map((c) => set[c] ?? c).join(', ') }
  }
  const off = 1_000_000_000
  const cases = await list('petition_cases', { id: `id + ${off}`, case_no: `case_no || '-floor'` })
  const people = await list('petition_people', { case_id: `case_id + ${off}` })
  const events = await list('petition_events', { case_id: `case_id + ${off}` })
  const picked = `select id from petition_cases order by id limit ${n}`
  const t0 = performance.now()
  await db.exec('begin')
  try {
    await db.exec(
      `insert into petition_cases (${cases.cols}) select ${cases.values} from petition_cases where id in (${picked})`,
    )
    await db.exec(
      `insert into petition_people (${people.cols}) select ${people.values} from petition_people
       where seq = 1 and case_id in (${picked})`,
    )
    await db.exec(
      `insert into petition_events (${events.cols}) select ${events.values} from petition_events
       where id in (select min(id) from petition_events where case_id in (${picked}) group by case_id)`,
    )
    return performance.now() - t0
  } finally {
    await db.exec('rollback')
  }
}

/** Seals `n` petitioners shaped like the bench ledger's (name, phone; no ID number, as there). */
export function sealFloor(n: number): number {
  const cipher = createCipher(randomBytes(32))
  const t0 = performance.now()
  for (let i = 0; i < n; i++)
    sealPerson(cipher, i, 1, 'petitioner', {
      name: `测试${i % 1000}`,
      phone: `139${String(10_000_000 + (i % 89_999_999)).slice(0, 8)}`,
    })
  return performance.now() - t0
}
