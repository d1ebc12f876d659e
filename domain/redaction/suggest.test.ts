import { describe, expect, it } from 'vitest'
import { suggestTerms } from './suggest.js'

describe('suggested terms', () => {
  it('finds place, person and organisation names no list holds, and skips the known ones', () => {
    const s = suggestTerms('沈阳市教育局王晓明副局长带队赴和平区调研。\n王晓明还走访了大连理工大学。', [
      '和平区',
    ])
    expect(s).toEqual(
      expect.arrayContaining([
        { term: '王晓明', kind: 'person', count: 2 },
        { term: '沈阳市', kind: 'place', count: 1 },
        { term: '大连理工大学', kind: 'org', count: 1 },
      ]),
    )
    expect(s.map((x) => x.term)).not.toContain('和平区')
    expect(s[0]?.term).toBe('王晓明')
  })
  it('suggests nothing inside a known longer term', () => {
    expect(suggestTerms('沈阳市', ['沈阳市教育局']).map((x) => x.term)).toEqual([])
  })
})
