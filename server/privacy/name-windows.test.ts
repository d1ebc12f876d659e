import { describe, expect, it } from 'vitest'
import { nameCandidates } from './name-windows.js'
import { nameHash } from './personal-data.js'

const cipher = { lookupHash: (v: string) => `h(${v})` }

describe('nameCandidates', () => {
  it('hashes every 2–5-character Han window, so a stored name’s hash is among them', () => {
    const c = nameCandidates(cipher, '来信人王晓明反映：A12号楼')
    expect(c?.get(nameHash(cipher, '王晓明'))).toBe('王晓明')
    expect([...(c?.values() ?? [])].every((w) => w.length >= 2 && w.length <= 5)).toBe(true)
    // Letters and digits break runs: no window spans them.
    expect([...(c?.values() ?? [])].some((w) => /[A-Za-z0-9]/.test(w))).toBe(false)
  })
  it('gives up on texts with too many distinct windows', () => {
    expect(nameCandidates(cipher, '一二三四五六七八九十', 5)).toBeNull()
  })
})
