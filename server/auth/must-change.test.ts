import { expect, it } from 'vitest'
import { forEachDatabase, loginAs } from '../../tests/harness.js'

forEachDatabase('must change password', (h) => {
  it('flags a reset password until the user chooses a new one', async () => {
    const u = await h.buildUser({ role: 'leader' })
    const admin = await h.admin()
    const reset = await admin.post(`/api/users/${u.id}/reset-password`, { password: 'Reset2026abc' })
    expect(reset.statusCode).toBe(200)

    const client = await loginAs(h.app, u.username, 'Reset2026abc')
    expect(client.user.mustChangePassword).toBe(true)

    const change = await client.post('/api/auth/password', {
      currentPassword: 'Reset2026abc',
      newPassword: 'Mine2026xyz',
    })
    expect(change.statusCode).toBe(200)
    const me = await client.get('/api/auth/me')
    expect(me.json().user.mustChangePassword).toBe(false)
  })
})
