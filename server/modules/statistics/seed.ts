/**
 * Seeds the built-in ledger definitions at every start, by key, never overwriting one that exists:
 * once seeded a definition is the administrator's (renamed, extended or voided). Done here rather
 * than in the migration because migrations are frozen and may not import the definitions; a
 * ledger added to `builtin.ts` later reaches existing installations at their next start.
 */
import { assignSlots } from '../../../domain/statistics/columns.js'
import type { Services } from '../../context.js'
import { BUILTIN_LEDGERS } from './builtin.js'
import { insertLedgerIfAbsent, insertLedgerVersion, listLedgerRecords } from './repository.js'

export async function seedBuiltinLedgers(s: Services): Promise<void> {
  const have = new Set((await listLedgerRecords(s.db, true)).map((l) => l.key))
  const missing = BUILTIN_LEDGERS.filter((b) => !have.has(b.key))
  if (!missing.length) return
  const at = s.now().toISOString()
  await s.db.transaction().execute(async (trx) => {
    for (const b of missing) {
      const { columns } = assignSlots(b.columns)
      const row = {
        key: b.key,
        name_zh: b.nameZh,
        name_en: b.nameEn,
        description: b.description,
        owner_unit_id: null,
        submitter_kinds_json: JSON.stringify(b.submitterKinds),
        submitter_units_json: '[]',
        period_kind: b.periodKind,
        period_column: b.periodColumn,
        org_column: b.orgColumn,
        key_columns_json: JSON.stringify(b.keyColumns),
        columns_json: JSON.stringify(columns),
        due_days: b.dueDays,
        builtin: 1,
        data_changed_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      }
      const id = await insertLedgerIfAbsent(trx, row)
      if (id !== null)
        await insertLedgerVersion(trx, {
          ledger_id: id,
          version: 1,
          definition_json: JSON.stringify(row),
          changed_at: at,
          changed_by: 'system',
        })
    }
  })
}
