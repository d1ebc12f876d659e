/** Session routes. Login is the only mutation that needs no CSRF token (there is no session yet). */
import { z } from 'zod'
import { changePassword, login, logout, me, updateMe } from '../../auth/login.js'
import { CSRF_COOKIE, SESSION_COOKIE } from '../../auth/sessions.js'
import { defineModule } from '../../http/module.js'
import { ctxOf } from '../../http/request.js'
import { UserView } from '../users/schema.js'

const tags = ['auth']
const cookieBase = { path: '/', sameSite: 'lax' as const, secure: 'auto' as const }
const Session = z.object({ user: UserView, csrfToken: z.string() })

export default defineModule({
  key: 'auth',
  menu: [
    {
      key: 'profile',
      path: '/profile',
      titleZh: '个人设置',
      titleEn: 'Profile',
      icon: 'UserOutlined',
      order: 100,
    },
  ],
  routes(app) {
    app.post(
      '/api/auth/login',
      {
        schema: {
          tags,
          body: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
          response: { 200: Session },
        },
      },
      async (req, reply) => {
        const r = await login(app.services, req.body.username.trim(), req.body.password, req.ip)
        reply.setCookie(SESSION_COOKIE, r.token, { ...cookieBase, httpOnly: true })
        reply.setCookie(CSRF_COOKIE, r.csrf, { ...cookieBase, httpOnly: false })
        return { user: r.user, csrfToken: r.csrf }
      },
    )
    app.post('/api/auth/logout', { schema: { tags } }, async (req, reply) => {
      await logout(app.services, req.sessionHash)
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' })
      return { ok: true }
    })
    app.get('/api/auth/me', { schema: { tags, response: { 200: Session } } }, async (req) => ({
      user: await me(ctxOf(req)),
      csrfToken: req.sessionCsrf ?? '',
    }))
    app.patch(
      '/api/auth/me',
      {
        schema: {
          tags,
          body: z.strictObject({
            locale: z.enum(['zh-CN', 'en']).optional(),
            displayName: z.string().trim().min(1).max(50).optional(),
          }),
          response: { 200: UserView },
        },
      },
      (req) => updateMe(ctxOf(req), req.body),
    )
    app.post(
      '/api/auth/password',
      {
        schema: {
          tags,
          body: z.strictObject({
            currentPassword: z.string().min(1).max(200),
            newPassword: z.string().min(1).max(200),
          }),
        },
      },
      (req) => changePassword(ctxOf(req), req.body.currentPassword, req.body.newPassword, req.sessionHash),
    )
  },
})
