/**
 * One demo account per role, attached to units of the demo tree. The first admin is created by the
 * set-up command, not here. The shared password is for demo databases only: never seed these
 * accounts into a real deployment.
 */
import { DEMO_PEOPLE } from './name-pools.js'
import type { DemoOrgUnit } from './types.js'

/** Demo only: every demo account has this password. */
export const DEMO_PASSWORD = 'Demo@2026'

export type DemoRole = 'leader' | 'department' | 'county' | 'school' | 'expert' | 'auditor'

export interface DemoUser {
  username: string
  displayName: string
  role: DemoRole
  /** The user's org unit, which is their scope (a subtree). */
  orgRef: string
  /** For a department user, the department (处室) they work in; their scope is its bureau, `orgRef`. */
  departmentRef?: string
  password: string
}

/** The demo accounts for a tree made by `generateOrgTree` (either scale); throws if a unit is missing. */
export function demoUsers(tree: readonly DemoOrgUnit[]): DemoUser[] {
  const find = (what: string, test: (u: DemoOrgUnit) => boolean): DemoOrgUnit => {
    const unit = tree.find(test)
    if (unit === undefined) throw new Error(`demoUsers: the tree has no ${what}`)
    return unit
  }
  const city = find('示例市', (u) => u.kind === 'city' && u.name === '示例市')
  const gaojiao = find('高等教育处 under 示例市', (u) => u.parentRef === city.ref && u.name === '高等教育处')
  const heping = find('和平区', (u) => u.parentRef === city.ref && u.name === '和平区')
  const school = find(
    'public primary school in 和平区',
    (u) => u.parentRef === heping.ref && u.stage === 'primary' && u.ownership === 'public',
  )

  const user = (username: string, role: DemoRole, orgRef: string, departmentRef?: string): DemoUser => ({
    username,
    displayName: DEMO_PEOPLE[role],
    role,
    orgRef,
    ...(departmentRef === undefined ? {} : { departmentRef }),
    password: DEMO_PASSWORD,
  })

  return [
    user('leader', 'leader', city.ref),
    user('dept_gaojiao', 'department', city.ref, gaojiao.ref),
    user('county_heping', 'county', heping.ref),
    user('school_demo', 'school', school.ref),
    user('expert_demo', 'expert', city.ref),
    user('auditor_demo', 'auditor', city.ref),
  ]
}
