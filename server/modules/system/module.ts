/** Health (for load balancers and fresh-check) and meta (what the web shell shows before login). */
import { sql } from 'kysely'
import { z } from 'zod'
import { ORG_KINDS, SCHOOL_STAGES } from '../../../domain/org/codes.js'
import { todayInChina } from '../../context.js'
import { defineModule } from '../../http/module.js'
import { ROLE_LABELS, ROLES } from '../../policies/roles.js'
import { getSetting } from '../../settings.js'
import { VERSION } from '../../version.js'

const KIND = {
  province: ['省', 'Province'],
  city: ['市', 'City'],
  county: ['区县', 'County/district'],
  school: ['学校', 'School'],
  kindergarten: ['幼儿园', 'Kindergarten'],
  university: ['高校', 'University'],
  department: ['处室', 'Department'],
} as const
const STAGE = {
  primary: ['小学', 'Primary'],
  junior: ['初中', 'Junior high'],
  senior: ['高中', 'Senior high'],
  nine_year: ['九年一贯制', 'Nine-year'],
  complete_secondary: ['完全中学', 'Complete secondary'],
  twelve_year: ['十二年一贯制', 'Twelve-year'],
} as const

export interface DemoMarker {
  scale: string
  seed: number
  users: { username: string; role: string; password: string }[]
}

export default defineModule({
  key: 'system',
  routes(app) {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['system'],
          response: {
            200: z.object({
              status: z.literal('ok'),
              version: z.string(),
              database: z.enum(['sqlite', 'postgres']),
              migrations: z.number(),
            }),
          },
        },
      },
      async () => {
        const r = await app.services.db
          .selectFrom('schema_migrations')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
        return {
          status: 'ok' as const,
          version: VERSION,
          database: app.services.dialect,
          migrations: Number(r.n),
        }
      },
    )
    // The server's clock is the ledgers' clock: forms default to this date and refuse later ones,
    // so a PC whose clock is wrong (or a test clock on the server) never disagrees with the rules.
    app.get('/api/today', { schema: { tags: ['system'] } }, async () => {
      const now = app.services.now()
      return { today: todayInChina(now), now: now.toISOString() }
    })
    app.get('/api/meta', { schema: { tags: ['system'] } }, async (req) => {
      const demo = await getSetting<DemoMarker>(app.services.db, 'demo')
      const role = req.actor?.role
      return {
        version: VERSION,
        demo: Boolean(demo),
        ...(demo ? { demoUsers: demo.users } : {}),
        modules: app.menu.filter((m) => !role || !m.roles || m.roles.includes(role)),
        roles: ROLES.map((k) => ({ key: k, zh: ROLE_LABELS[k].zh, en: ROLE_LABELS[k].en })),
        orgKinds: ORG_KINDS.map((k) => ({ key: k, zh: KIND[k][0], en: KIND[k][1] })),
        schoolStages: SCHOOL_STAGES.map((k) => ({ key: k, zh: STAGE[k][0], en: STAGE[k][1] })),
      }
    })
  },
})
