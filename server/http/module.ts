/**
 * What a module folder provides. `server/modules/<name>/module.ts` default-exports one of these;
 * the app finds them at start, so adding a module is adding a folder.
 */
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Services } from '../context.js'
import type { JobQueue } from '../jobs/queue.js'
import type { Role } from '../policies/roles.js'

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>

export interface MenuEntry {
  key: string
  path: string
  titleZh: string
  titleEn: string
  icon?: string
  roles?: Role[]
  order: number
}

export interface ModuleDefinition {
  key: string
  routes(app: App): void
  jobs?(queue: JobQueue): void
  /** Reference data every installation needs (a default taxonomy …): idempotent, run at each start. */
  seed?(services: Services): Promise<void>
  menu?: MenuEntry[]
}

export const defineModule = (m: ModuleDefinition) => m
