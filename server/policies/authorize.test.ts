import { describe, expect, it } from 'vitest'
import type { Actor } from '../context.js'
import { AppError } from '../http/errors.js'
import { assertCanWriteUnder, assertInScope, authorize, inScope } from './authorize.js'
import { hasPermission, isRole, type Permission, ROLES, type Role } from './roles.js'

const actor = (role: Role, scopePath = '/1/2/29/'): Actor => ({
  id: 42,
  username: 'u',
  displayName: 'U',
  role,
  orgUnitId: 29,
  scopePath,
})

/** The AppError a call throws, or null. */
function thrown(fn: () => void): AppError | null {
  try {
    fn()
    return null
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
}

const PERMISSIONS: Permission[] = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'audit.read',
  'job.read',
]

/** Who may do what, written out in full so a change to roles.ts shows up here as a diff. */
const EXPECTED: Record<Role, Permission[]> = {
  admin: ['org.read', 'org.write', 'user.read', 'user.write', 'audit.read', 'job.read'],
  leader: ['org.read', 'job.read'],
  department: ['org.read', 'job.read'],
  county: ['org.read', 'org.write', 'job.read'],
  school: ['org.read', 'job.read'],
  expert: ['job.read'],
  auditor: ['org.read', 'user.read', 'audit.read', 'job.read'],
}

describe('authorize', () => {
  it('grants exactly the permissions of each role and refuses the rest with 403 forbidden', () => {
    for (const role of ROLES) {
      const granted = PERMISSIONS.filter((p) => thrown(() => authorize(actor(role), p)) === null)
      expect(granted, role).toEqual(EXPECTED[role])
      for (const p of PERMISSIONS.filter((x) => !EXPECTED[role].includes(x))) {
        const e = thrown(() => authorize(actor(role), p))
        expect(e?.status).toBe(403)
        expect(e?.code).toBe('forbidden')
        expect(hasPermission(role, p)).toBe(false)
      }
    }
  })

  it('only admins write users; only admins and auditors read the audit log; auditors write nothing', () => {
    expect(ROLES.filter((r) => hasPermission(r, 'user.write'))).toEqual(['admin'])
    expect(ROLES.filter((r) => hasPermission(r, 'audit.read'))).toEqual(['admin', 'auditor'])
    expect(PERMISSIONS.filter((p) => p.endsWith('.write') && hasPermission('auditor', p))).toEqual([])
    expect(PERMISSIONS.filter((p) => hasPermission('expert', p))).toEqual(['job.read'])
  })

  it('knows its roles', () => {
    expect(ROLES.every(isRole)).toBe(true)
    for (const bad of ['', 'Admin', 'root', 'anonymous', 'admin ']) expect(isRole(bad)).toBe(false)
  })
})

describe('scope', () => {
  it('is the subtree under the scope path, prefix-exact at id boundaries', () => {
    const a = actor('county', '/1/2/29/')
    expect(inScope(a, '/1/2/29/')).toBe(true)
    expect(inScope(a, '/1/2/29/49/')).toBe(true)
    expect(inScope(a, '/1/2/29/49/700/')).toBe(true)
    // Sibling ids that share digits are not inside.
    expect(inScope(a, '/1/2/290/')).toBe(false)
    expect(inScope(a, '/1/2/2/')).toBe(false)
    expect(inScope(a, '/1/2/')).toBe(false)
    expect(inScope(a, '/1/')).toBe(false)
    expect(inScope(a, '/1/2/82/90/')).toBe(false)
    expect(inScope(actor('admin', '/1/'), '/1/2/82/90/')).toBe(true)
  })

  it('assertInScope answers 404 outside (never 403: existence is not disclosed)', () => {
    const a = actor('leader', '/1/2/')
    expect(thrown(() => assertInScope(a, '/1/2/29/'))).toBeNull()
    const e = thrown(() => assertInScope(a, '/1/3/'))
    expect(e?.status).toBe(404)
    expect(e?.code).toBe('not_found')
    expect(thrown(() => assertInScope(a, '/1/'))?.status).toBe(404)
  })

  it('assertCanWriteUnder: below the scope root only, except admins who may write the root itself', () => {
    const county = actor('county', '/1/2/29/')
    expect(thrown(() => assertCanWriteUnder(county, '/1/2/29/49/'))).toBeNull()
    const self = thrown(() => assertCanWriteUnder(county, '/1/2/29/'))
    expect(self?.status).toBe(403)
    expect(self?.code).toBe('out_of_scope')
    expect(thrown(() => assertCanWriteUnder(county, '/1/2/82/'))?.status).toBe(404)
    expect(thrown(() => assertCanWriteUnder(county, '/1/2/'))?.status).toBe(404)
    const admin = actor('admin', '/1/2/29/')
    expect(thrown(() => assertCanWriteUnder(admin, '/1/2/29/'))).toBeNull()
    expect(thrown(() => assertCanWriteUnder(admin, '/1/2/82/'))?.status).toBe(404)
  })
})
