/**
 * The bulk-write helpers on both databases: PostgreSQL takes them through `unnest` arrays and
 * data-modifying CTEs, so values must come back byte for byte and foreign keys must hold.
 */
import { expect, it } from 'vitest'
import { forEachDatabase } from '../../tests/harness.js'
import { insertMany, insertTogether, reserveIds } from './dialect.js'

const AT = '2026-11-27T02:00:00.000Z'
const category = (id: number, parent: number | null, name: string) => ({
  id,
  parent_id: parent,
  name,
  synonyms: '[]',
  sort_order: 0,
  version: 1,
  created_at: AT,
  updated_at: AT,
  voided_at: null,
  void_reason: null,
})

forEachDatabase('bulk writes', (h) => {
  it('reserves ids nobody else gets, and the table keeps counting after them', async () => {
    const d = h.services.dialect
    const a = await reserveIds(h.db, d, 'petition_categories', 3)
    expect(a).toHaveLength(3)
    expect(a[1]).toBe((a[0] ?? 0) + 1)
    await insertMany(
      h.db,
      d,
      'petition_categories',
      a.map((id) => category(id, null, `保留${id}`)),
    )
    const b = await reserveIds(h.db, d, 'petition_categories', 2)
    expect(Math.min(...b)).toBeGreaterThan(Math.max(...a))
    const made = await h.db
      .insertInto('petition_categories')
      .values({ name: '自动编号', synonyms: '[]', sort_order: 0, version: 1, created_at: AT, updated_at: AT })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(made.id).toBeGreaterThan(Math.max(...a))
  })

  it('writes parents and children in one go, text and bytes unchanged', async () => {
    const d = h.services.dialect
    const [p, c1, c2] = await reserveIds(h.db, d, 'petition_categories', 3)
    const odd = `引号"单'反斜杠\\ 逗号, 花括号{} 换行\n NULL null 𠀀`
    await insertTogether(h.db, d, [
      { table: 'petition_categories', rows: [category(p ?? 0, null, odd)] },
      {
        table: 'petition_categories',
        rows: [category(c1 ?? 0, p ?? 0, '子项一'), category(c2 ?? 0, p ?? 0, '')],
      },
    ])
    const rows = await h.db
      .selectFrom('petition_categories')
      .select(['id', 'parent_id', 'name', 'void_reason'])
      .where('id', 'in', [p ?? 0, c1 ?? 0, c2 ?? 0])
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      { id: p, parent_id: null, name: odd, void_reason: null },
      { id: c1, parent_id: p, name: '子项一', void_reason: null },
      { id: c2, parent_id: p, name: '', void_reason: null },
    ])
    const bytes = Buffer.from([0, 1, 2, 254, 255, 0x5c, 0x22])
    await insertMany(h.db, d, 'attachments', [
      {
        owner_type: 'test',
        owner_id: 1,
        filename: 'a.bin',
        content_type: 'application/octet-stream',
        file_type: 'bin',
        size_bytes: bytes.length,
        sha256: 'x',
        bytes,
        note: '',
        uploaded_by: null,
        uploaded_by_name: '测试',
        created_at: AT,
        voided_at: null,
        void_reason: null,
      },
    ])
    const back = await h.db
      .selectFrom('attachments')
      .select('bytes')
      .where('owner_type', '=', 'test')
      .executeTakeFirstOrThrow()
    expect(Buffer.from(back.bytes as Uint8Array).equals(bytes)).toBe(true)
  })

  it('refuses a child whose parent does not exist, and writes nothing of the statement', async () => {
    const d = h.services.dialect
    const before = await h.db
      .selectFrom('petition_categories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const [p] = await reserveIds(h.db, d, 'petition_categories', 1)
    await expect(
      h.db.transaction().execute((trx) =>
        insertTogether(trx, d, [
          { table: 'petition_categories', rows: [category(p ?? 0, null, '父')] },
          { table: 'petition_categories', rows: [category((p ?? 0) + 1000, 999_999, '孤儿')] },
        ]),
      ),
    ).rejects.toThrow()
    const after = await h.db
      .selectFrom('petition_categories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })
})
