import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isMessageKey, t } from '../../http/i18n.js'
import { balanceMessages } from './messages.js'

/** The sources of this module and of its pure rules, tests left out. */
function sources(): string {
  const read = (dir: URL) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  return [
    ...read(new URL('./', import.meta.url)),
    ...read(new URL('../../../domain/balance/', import.meta.url)),
  ].join('\n')
}

describe('balance messages', () => {
  it('has both languages for every key the module can produce, and no dead key', () => {
    const text = sources()
    const used = new Set(
      [
        ...text.matchAll(/\b(?:conflict|forbidden|notFound|badRequest)\('(\w+)'/g),
        ...text.matchAll(/\bkey: '(balance_\w+)'/g),
        ...text.matchAll(/\breport\([\w.]+, '\w+', '(\w+)'/g),
        ...text.matchAll(/\bt\(ctx\.locale, '(\w+)'/g),
        ...[...text.matchAll(/\? '(balance_\w+)' : '(balance_\w+)'/g)].flatMap((m) => [m, [m[0], m[2]]]),
      ].map((m) => m[1] ?? ''),
    )
    expect([...used].filter((k) => !isMessageKey(k))).toEqual([])
    expect(Object.keys(balanceMessages).filter((k) => !text.includes(`'${k}'`))).toEqual([])
    for (const [key, m] of Object.entries(balanceMessages)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+?)(?:Zh|En)?\}/g)].map((x) => x[1]).sort()
      expect(names(m.en), key).toEqual(names(m['zh-CN']))
    }
  })

  it('renders a zero-pupil warning in each language', () => {
    const params = { school: '一小', stageZh: '小学', stageEn: 'primary' }
    expect(t('zh-CN', 'balance_zero_pupils', params)).toBe('一小小学在校生数为 0，未参与差异系数计算')
    expect(t('en', 'balance_zero_pupils', params)).toBe(
      '一小 has no primary pupils: it is left out of the coefficients',
    )
  })
})
