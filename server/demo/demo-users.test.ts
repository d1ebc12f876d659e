import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoUsers } from './demo-users.js'
import { generateOrgTree } from './org-tree.js'

describe.each(['city', 'province'] as const)('demoUsers on the %s scale', (scale) => {
  const tree = generateOrgTree({ scale, seed: 1 })
  const users = demoUsers(tree)
  const unit = (ref: string | undefined) => tree.find((u) => u.ref === ref)
  const byName = (username: string) => users.find((u) => u.username === username)

  it('gives one account per role, all with the demo password', () => {
    expect(users.map((u) => [u.username, u.role])).toEqual([
      ['leader', 'leader'],
      ['dept_gaojiao', 'department'],
      ['county_heping', 'county'],
      ['school_demo', 'school'],
      ['expert_demo', 'expert'],
      ['auditor_demo', 'auditor'],
    ])
    expect(users.every((u) => u.password === DEMO_PASSWORD && DEMO_PASSWORD === 'Demo@2026')).toBe(true)
    expect(users.every((u) => /^[\u4e00-\u9fff]{2,3}$/u.test(u.displayName))).toBe(true)
  })

  it('scopes the users to the units the brief names', () => {
    for (const name of ['leader', 'dept_gaojiao', 'expert_demo', 'auditor_demo']) {
      expect(unit(byName(name)?.orgRef)?.name).toBe('示例市')
    }
    const dept = unit(byName('dept_gaojiao')?.departmentRef)
    expect(dept).toMatchObject({ kind: 'department', name: '高等教育处', parentRef: 'c01' })
    expect(unit(byName('county_heping')?.orgRef)).toMatchObject({ kind: 'county', name: '和平区' })
    const school = unit(byName('school_demo')?.orgRef)
    expect(school).toMatchObject({ kind: 'school', stage: 'primary', ownership: 'public' })
    expect(unit(school?.parentRef ?? undefined)?.name).toBe('和平区')
  })

  it('refuses a tree without 示例市', () => {
    expect(() => demoUsers(tree.filter((u) => u.name !== '示例市'))).toThrow(/示例市/)
  })
})
