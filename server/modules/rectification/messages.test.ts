import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isMessageKey, t } from '../../http/i18n.js'
import { rectificationMessages } from './messages.js'

/** The sources of this module and of its pure rules (and the shared upload rules), tests left out. */
function sources(): string {
  const read = (dir: URL) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  return [
    ...read(new URL('./', import.meta.url)),
    ...read(new URL('../../../domain/rectification/', import.meta.url)),
    // The upload allow-list is shared, and its refusals are this module's answers too.
    ...read(new URL('../../../domain/files/', import.meta.url)),
  ].join('\n')
}

describe('rectification messages', () => {
  it('has both languages for every key the module can produce', () => {
    const text = sources()
    const used = new Set(
      [
        ...text.matchAll(/\b(?:conflict|forbidden|notFound|badRequest)\('(\w+)'/g),
        ...text.matchAll(/\bfield: [^,{}]+, key: '(\w+)'/g),
        ...text.matchAll(/\bstatus: \d+,\s+code: '(\w+)'/g),
        ...text.matchAll(/\b(?:fail|report)\(excelRow, [\w.'"]+, '(\w+)'/g),
        ...text.matchAll(/\b(?:takenKey|inUseKey): '(\w+)'/g),
      ].map((m) => m[1] ?? ''),
    )
    expect(used.size).toBeGreaterThan(20)
    expect([...used].filter((k) => !isMessageKey(k))).toEqual([])
    for (const [key, m] of Object.entries(rectificationMessages)) {
      expect(m['zh-CN'], key).not.toBe('')
      expect(m.en, key).not.toBe('')
      // The same placeholders in both languages, except the labels each language names itself.
      const names = (s: string) => [...s.matchAll(/\{(\w+?)(?:Zh|En)?\}/g)].map((x) => x[1]).sort()
      expect(names(m.en), key).toEqual(names(m['zh-CN']))
    }
  })

  it('renders the labels of an illegal transition in each language', () => {
    const params = { fromZh: '待整改', fromEn: 'Open', actionZh: '销号', actionEn: 'sign off' }
    expect(t('zh-CN', 'problem_illegal_transition', params)).toBe('问题当前为“待整改”，不能销号')
    expect(t('en', 'problem_illegal_transition', params)).toBe(
      'The problem is “Open”: it cannot sign off now',
    )
  })
})
