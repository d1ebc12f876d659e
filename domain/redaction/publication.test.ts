import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskForPublication, publicationMasker } from './publication.js'

describe('publication redaction', () => {
  it('masks as the seed is masked', () => {
    expect(maskForPublication('普惠率达到95.6%，2023届毕业生')).toBe('普惠率达到**.*%，****届毕业生')
    expect(maskForPublication('深入沈阳市和平区调研', ['沈阳', '沈阳市', '和平区'])).toBe(
      `${'深入*********调研'.slice(0, 2)}******调研`,
    )
    // Chinese numerals stay; a full-width digit does not.
    expect(maskForPublication('两个县，五大行动，百余家；第３批')).toBe('两个县，五大行动，百余家；第*批')
  })

  it('takes the longest term first, and a term with digits whole', () => {
    const m = publicationMasker(['沈阳', '沈阳市第3中学', '辽'])
    expect(m.terms[0]).toBe('沈阳市第3中学')
    expect(m.mask('沈阳市第3中学、沈阳、辽宁')).toBe('*******、**、*宁')
  })

  it('ignores blank terms and terms that are only stars', () => {
    expect(publicationMasker([' ', '', '**', '和平区', '和平区']).terms).toEqual(['和平区'])
  })

  it('properties: no digit survives; length and punctuation kept; twice is once', () => {
    const term = fc.string({
      unit: fc.constantFrom('沈', '阳', '和', '平', '区', '市', 'A', '1'),
      minLength: 1,
      maxLength: 4,
    })
    const text = fc.string({
      unit: fc.constantFrom(
        '沈',
        '阳',
        '和',
        '平',
        '区',
        '市',
        '，',
        '。',
        '%',
        '.',
        '1',
        '2',
        '９',
        'A',
        ' ',
        '两',
      ),
      maxLength: 60,
    })
    fc.assert(
      fc.property(fc.array(term, { maxLength: 8 }), text, (terms, t) => {
        const m = publicationMasker(terms)
        const once = m.mask(t)
        expect(/[0-9０-９]/.test(once)).toBe(false)
        expect([...once].length).toBe([...t].length)
        const punct = (s: string) => [...s].map((c) => ('，。%. '.includes(c) ? c : '_')).join('')
        expect(punct(once)).toBe(punct(t))
        expect(m.mask(once)).toBe(once)
      }),
      { numRuns: 300 },
    )
  })
})
