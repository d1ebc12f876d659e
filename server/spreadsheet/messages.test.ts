import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderMessage, spreadsheetMessages } from './messages.js'

describe('message catalogue', () => {
  it('has both languages for every key the code in this folder can produce', () => {
    const dir = new URL('./', import.meta.url)
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n')
    const used = new Set(
      [
        ...sources.matchAll(/\b(?:fail|report|SpreadsheetError)\(\s*(?:excelRow, [\w.]+, )?'(\w+)'/g),
        ...sources.matchAll(/'((?:id_number|date)_\w+)'/g),
      ].map((m) => m[1] ?? ''),
    )
    expect(used.size).toBeGreaterThan(20)
    const known: Record<string, unknown> = spreadsheetMessages
    expect([...used].filter((key) => !(key in known))).toEqual([])
  })

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(renderMessage('too_big', { max: 5 })).toBe('不能大于 5')
    expect(renderMessage('sheet_unreadable', { reason: '坏了', reasonEn: 'broken' }, 'en')).toBe(
      'This file cannot be read: broken',
    )
    expect(renderMessage('date_invalid', {})).toContain('{value}')
    expect(renderMessage('no_such_key')).toBe('no_such_key')
  })
})
