import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isMessageKey, t } from '../../http/i18n.js'
import { researchMessages } from './messages.js'

/** The sources of this module and of its pure rules, tests left out. */
function sources(): string {
  const read = (dir: URL) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  return [
    ...read(new URL('./', import.meta.url)),
    ...read(new URL('../../../domain/research/', import.meta.url)),
  ].join('\n')
}

describe('research messages', () => {
  it('has both languages for every key the module can produce', () => {
    const text = sources()
    const used = new Set(
      [
        ...text.matchAll(/\b(?:conflict|forbidden|notFound|badRequest)\('(\w+)'/g),
        ...text.matchAll(/\bnew AppError\(\d+, '(\w+)'/g),
        ...text.matchAll(/\bfield(?:: [^,{}]+)?, key: '(\w+)'/g),
        ...text.matchAll(/\b(?:reject|refuse)\('\w+', '(\w+)'/g),
        ...text.matchAll(/\breport\([\w.]+, '\w+', '(\w+)'/g),
        ...[...text.matchAll(/\bkey = [^\n]*\? '(\w+)' : '(\w+)'/g)].flatMap((m) => [m, [m[0], m[2]]]),
      ].map((m) => m[1] ?? ''),
    )
    expect(used.size).toBeGreaterThan(25)
    expect([...used].filter((k) => !isMessageKey(k))).toEqual([])
    // Every message of the module is produced somewhere (no dead keys).
    expect(Object.keys(researchMessages).filter((k) => !text.includes(`'${k}'`))).toEqual([])
    for (const [key, m] of Object.entries(researchMessages)) {
      expect(m['zh-CN'], key).not.toBe('')
      expect(m.en, key).not.toBe('')
      // The same placeholders in both languages, except the labels each language names itself.
      const names = (s: string) => [...s.matchAll(/\{(\w+?)(?:Zh|En)?\}/g)].map((x) => x[1]).sort()
      expect(names(m.en), key).toEqual(names(m['zh-CN']))
    }
  })

  it('renders an illegal transition in each language', () => {
    const params = { fromZh: '计划中', fromEn: 'Planned', actionZh: '结题', actionEn: 'conclude' }
    expect(t('zh-CN', 'research_illegal_transition', params)).toBe('课题当前为“计划中”，不能结题')
    expect(t('en', 'research_illegal_transition', params)).toBe(
      'The topic is “Planned”: it cannot conclude now',
    )
  })
})
