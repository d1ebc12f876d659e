import { expect, it } from 'vitest'
import {
  ADMIN_PASSWORD,
  clientFor,
  cookieFrom,
  errorOf,
  forEachDatabase,
  nextIp,
  type Response,
} from '../../tests/harness.js'
import { hashToken } from './sessions.js'

const login = (
  h: { app: { inject: (o: object) => Promise<Response> } },
  username: string,
  password: string,
  ip = nextIp(),
  extra: object = {},
) =>
  h.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'x-forwarded-for': ip },
    ...extra,
  })

forEachDatabase('auth', (h) => {
  /** Every body the API sent in this file: none may carry a password hash. */
  const seen: string[] = []
  const keep = (r: Response) => {
    seen.push(r.body)
    return r
  }

  it('logs in with the right password and refuses a wrong one, in Chinese by default and English on request', async () => {
    const u = await h.buildUser({ role: 'leader' })
    const ok = keep(await login(h, u.username, u.password))
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({
      user: { username: u.username, role: 'leader' },
      csrfToken: expect.any(String),
    })

    const bad = keep(await login(h, u.username, 'wrong-password-1'))
    expect(bad.statusCode).toBe(401)
    expect(errorOf(bad)).toEqual({ code: 'login_failed', message: '用户名或密码错误' })

    const nobody = keep(
      await login(h, 'no_such_user', 'whatever123', nextIp(), {
        headers: { 'x-lang': 'en', 'x-forwarded-for': nextIp() },
      }),
    )
    expect(nobody.statusCode).toBe(401)
    expect(errorOf(nobody)).toEqual({ code: 'login_failed', message: 'Wrong username or password' })

    const anon = keep(await h.anonymous().get('/api/auth/me', { 'x-lang': 'en' }))
    expect(anon.statusCode).toBe(401)
    expect(errorOf(anon).message).toBe('Please log in')
    expect(errorOf(keep(await h.anonymous().get('/api/auth/me'))).message).toBe('请先登录')
  })

  it('sets the session cookie HttpOnly and SameSite=Lax; the CSRF cookie is readable by the page', async () => {
    const u = await h.buildUser({ role: 'department' })
    const res = keep(await login(h, u.username, u.password))
    const sid = res.cookies.find((c) => c.name === 'edu_sid')
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('edu_sid='))
    expect(raw).toMatch(/HttpOnly/i)
    expect(raw).toMatch(/SameSite=Lax/i)
    const csrf = res.cookies.find((c) => c.name === 'edu_csrf')
    expect(csrf?.httpOnly).toBeFalsy()
    expect(csrf?.value).toBe(res.json().csrfToken)
    // Only a hash of the token is stored.
    const stored = await h.db.selectFrom('sessions').select('id_hash').where('user_id', '=', u.id).execute()
    expect(stored.map((s) => s.id_hash)).toEqual([hashToken(sid?.value ?? '')])
  })

  it('/api/auth/me answers the logged-in user; logout ends the session', async () => {
    const u = await h.buildUser({ role: 'auditor' })
    const c = await h.loginAs(u.username, u.password)
    const me = keep(await c.get('/api/auth/me'))
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ user: { id: u.id, username: u.username }, csrfToken: c.csrf })

    const out = keep(await c.post('/api/auth/logout'))
    expect(out.statusCode).toBe(200)
    expect(out.cookies.find((x) => x.name === 'edu_sid')?.value).toBe('')
    expect(keep(await c.get('/api/auth/me')).statusCode).toBe(401)
    const left = await h.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('id_hash', '=', hashToken(c.token))
      .execute()
    expect(left).toEqual([])
  })

  it('expires an idle session after 8 hours', async () => {
    const u = await h.buildUser({ role: 'leader' })
    const c = await h.loginAs(u.username, u.password)
    h.clock.advance(7 * 3600_000)
    expect((await c.get('/api/auth/me')).statusCode).toBe(200)
    h.clock.advance(7 * 3600_000) // touched 7 h ago: still alive
    expect((await c.get('/api/auth/me')).statusCode).toBe(200)
    h.clock.advance(8 * 3600_000 + 1000)
    expect((await c.get('/api/auth/me')).statusCode).toBe(401)
  })

  it('session fixation: a cookie set before login is not the session after it, and every login gets a new token', async () => {
    const u = await h.buildUser({ role: 'leader' })
    const planted = 'attacker-chosen-session-value'
    const res = keep(await login(h, u.username, u.password, nextIp(), { cookies: { edu_sid: planted } }))
    expect(res.statusCode).toBe(200)
    const issued = cookieFrom(res, 'edu_sid')
    expect(issued).toBeTruthy()
    expect(issued).not.toBe(planted)
    const withPlanted = clientFor(h.app, {
      token: planted,
      csrf: res.json().csrfToken,
      username: u.username,
      user: res.json().user,
    })
    expect((await withPlanted.get('/api/auth/me')).statusCode).toBe(401)

    const again = keep(await login(h, u.username, u.password))
    const second = cookieFrom(again, 'edu_sid')
    expect(second).not.toBe(issued)
    expect(again.json().csrfToken).not.toBe(res.json().csrfToken)
  })

  it('CSRF: a mutation without or with a wrong x-csrf-token is refused with 403 csrf; with the right one it passes', async () => {
    const u = await h.buildUser({ role: 'school' })
    const c = await h.loginAs(u.username, u.password)
    const patch = (headers: Record<string, string>) =>
      h.app.inject({
        method: 'PATCH',
        url: '/api/auth/me',
        payload: { displayName: '新名字' },
        cookies: { edu_sid: c.token },
        headers: { 'x-forwarded-for': c.ip, ...headers },
      })
    const none = keep(await patch({}))
    expect(none.statusCode).toBe(403)
    expect(errorOf(none).code).toBe('csrf')
    const wrong = keep(await patch({ 'x-csrf-token': `${c.csrf}x` }))
    expect(wrong.statusCode).toBe(403)
    expect(errorOf(wrong).code).toBe('csrf')
    // Another session's token does not fit this session.
    const other = await h.loginAs(u.username, u.password)
    expect((await patch({ 'x-csrf-token': other.csrf })).statusCode).toBe(403)
    let row = await h.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow()
    expect(row.display_name).not.toBe('新名字')

    const right = keep(await patch({ 'x-csrf-token': c.csrf }))
    expect(right.statusCode).toBe(200)
    row = await h.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow()
    expect(row.display_name).toBe('新名字')
    // Logout is a mutation too.
    const logout = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { edu_sid: c.token },
    })
    expect(logout.statusCode).toBe(403)
    expect((await c.get('/api/auth/me')).statusCode).toBe(200)
  })

  it('brute force: 5 wrong passwords lock the account; even the right password is refused until the lock ends', async () => {
    const u = await h.buildUser({ role: 'county' })
    for (let i = 1; i <= 5; i++) {
      const r = keep(await login(h, u.username, `wrong-${i}-password`))
      expect(r.statusCode).toBe(401)
    }
    const locked = keep(await login(h, u.username, u.password))
    expect(locked.statusCode).toBe(429)
    expect(errorOf(locked).code).toBe('login_throttled')
    expect(errorOf(locked).message).toContain('15 分钟')
    expect(Number(locked.headers['retry-after'])).toBe(900)
    // From another address too: the lock is on the account.
    expect((await login(h, u.username, u.password, nextIp())).statusCode).toBe(429)
    // Different letter case is the same account.
    expect((await login(h, u.username.toUpperCase(), u.password)).statusCode).toBe(429)
    expect(await h.db.selectFrom('sessions').select('id_hash').where('user_id', '=', u.id).execute()).toEqual(
      [],
    )

    h.clock.advance(14 * 60_000)
    expect((await login(h, u.username, u.password)).statusCode).toBe(429)
    h.clock.advance(60_000 + 1)
    expect((await login(h, u.username, u.password)).statusCode).toBe(200)
    // A success clears the counter: four more failures do not lock.
    for (let i = 0; i < 4; i++) expect((await login(h, u.username, 'nope-nope-1')).statusCode).toBe(401)
    expect((await login(h, u.username, u.password)).statusCode).toBe(200)
  })

  it('brute force in parallel: of 20 simultaneous guesses only 5 are checked, the rest are refused', async () => {
    const u = await h.buildUser({ role: 'leader' })
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(h, u.username, `parallel-${i}-guess`)),
    )
    const codes = guesses.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 401)).toHaveLength(5)
    expect(codes.filter((c) => c === 429)).toHaveLength(15)
    // And the right password, sent along with a burst of wrong ones after the lock, is refused too.
    expect((await login(h, u.username, u.password)).statusCode).toBe(429)
  })

  it('brute force from one address over many accounts locks the address', async () => {
    const ip = nextIp()
    for (let i = 0; i < 30; i++)
      expect((await login(h, `ghost_${i}`, 'wrong-pass-1', ip)).statusCode).toBe(401)
    const u = await h.buildUser({ role: 'leader' })
    const r = await login(h, u.username, u.password, ip)
    expect(r.statusCode).toBe(429)
    expect((await login(h, u.username, u.password, nextIp())).statusCode).toBe(200)
  })

  it('changes the password: weak and wrong-current are 400 on their field; success ends the other sessions', async () => {
    const u = await h.buildUser({ role: 'leader' })
    const a = await h.loginAs(u.username, u.password)
    const b = await h.loginAs(u.username, u.password)

    const weak = keep(
      await a.post('/api/auth/password', { currentPassword: u.password, newPassword: 'short1' }),
    )
    expect(weak.statusCode).toBe(400)
    expect(errorOf(weak).fields?.map((f) => f.field)).toEqual(['newPassword'])
    expect(errorOf(weak).fields?.[0]?.message).toBe('新密码至少 10 位，并包含字母和数字')
    const noDigit = keep(
      await a.post(
        '/api/auth/password',
        { currentPassword: u.password, newPassword: 'onlyletterslong' },
        { 'x-lang': 'en' },
      ),
    )
    expect(noDigit.statusCode).toBe(400)
    expect(errorOf(noDigit).fields?.[0]?.message).toMatch(/at least 10 characters/)

    const wrong = keep(
      await a.post('/api/auth/password', {
        currentPassword: 'not-my-password-1',
        newPassword: 'BrandNew2026x',
      }),
    )
    expect(wrong.statusCode).toBe(400)
    expect(errorOf(wrong).fields?.map((f) => f.field)).toEqual(['currentPassword'])
    expect((await b.get('/api/auth/me')).statusCode).toBe(200)

    const before = await h.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow()
    const ok = keep(
      await a.post('/api/auth/password', { currentPassword: u.password, newPassword: 'BrandNew2026x' }),
    )
    expect(ok.statusCode).toBe(200)
    const after = await h.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow()
    expect(after.password_hash).not.toBe(before.password_hash)
    expect((await a.get('/api/auth/me')).statusCode).toBe(200)
    expect((await b.get('/api/auth/me')).statusCode).toBe(401)
    expect((await login(h, u.username, u.password)).statusCode).toBe(401)
    expect((await login(h, u.username, 'BrandNew2026x')).statusCode).toBe(200)
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.change_password')
      .where('entity_id', '=', String(u.id))
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('a voided user cannot log in and their open session stops working', async () => {
    const admin = await h.admin()
    const u = await h.buildUser({ role: 'leader' })
    const c = await h.loginAs(u.username, u.password)
    const r = keep(await admin.post(`/api/users/${u.id}/void`, { version: u.version, reason: '离职' }))
    expect(r.statusCode).toBe(200)
    expect((await c.get('/api/auth/me')).statusCode).toBe(401)
    expect((await login(h, u.username, u.password)).statusCode).toBe(401)
  })

  it('stores passwords as scrypt hashes that never leave the server, in API bodies or audit rows', async () => {
    const admin = await h.admin()
    const created = keep(
      await admin.post('/api/users', {
        username: 'hash_probe',
        displayName: '哈希探针',
        role: 'auditor',
        orgUnitId: admin.user.orgUnitId,
        password: 'ProbePass2026',
        phone: '13800001234',
      }),
    )
    expect(created.statusCode).toBe(201)
    const id = created.json().id as number
    keep(await admin.post(`/api/users/${id}/reset-password`, { password: 'ResetPass2026' }))
    const probe = await h.loginAs('hash_probe', 'ResetPass2026')
    keep(await probe.get('/api/auth/me'))
    keep(await admin.get('/api/users?pageSize=500'))
    keep(await admin.get('/api/audit?pageSize=500'))
    keep(await admin.patch(`/api/users/${id}`, { version: 2, displayName: '改名' }))

    const rows = await h.db.selectFrom('users').select(['username', 'password_hash']).execute()
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    const hashes = rows.map((r) => r.password_hash)
    const audit = await h.db.selectFrom('audit_log').selectAll().execute()
    const auditText = audit.map((a) => `${a.before_json ?? ''}${a.after_json ?? ''}`).join('\n')
    expect(auditText).not.toMatch(/scrypt\$|password_hash|passwordHash/)
    // Personal data in audit rows is masked.
    expect(auditText).not.toContain('13800001234')
    for (const body of seen) {
      expect(body).not.toMatch(/scrypt\$|password_hash|passwordHash/)
      for (const hash of hashes) expect(body).not.toContain(hash.split('$')[5])
    }
    expect(seen.length).toBeGreaterThan(20)
  })

  it('the bootstrap admin logs in with EDU_LEDGER_ADMIN_PASSWORD', async () => {
    expect((await login(h, 'admin', ADMIN_PASSWORD)).statusCode).toBe(200)
  })
})
