/**
 * Builds the HTTP app: plugins, the session and CSRF hooks, the error handler, every module
 * found under server/modules/, OpenAPI, and the web build with a single-page fallback.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import cookie from '@fastify/cookie'
import multipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyServerOptions, LogController } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { CSRF_COOKIE, resolveSession, SESSION_COOKIE } from './auth/sessions.js'
import type { Services } from './context.js'
import { AnswerCache, type AnswerCacheOptions, DEFAULT_ANSWER_CACHE } from './http/answer-cache.js'
import { errorHandler } from './http/error-handler.js'
import { AppError, renderError } from './http/errors.js'
import { pickLocale } from './http/i18n.js'
import type { App, MenuEntry, ModuleDefinition } from './http/module.js'
import './http/request.js'
import { VERSION } from './version.js'

declare module 'fastify' {
  interface FastifyInstance {
    menu: MenuEntry[]
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export async function loadModules(): Promise<ModuleDefinition[]> {
  const dir = path.join(root, 'server', 'modules')
  const found: ModuleDefinition[] = []
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'module.ts')
    if (!fs.existsSync(file)) continue
    const mod = (await import(pathToFileURL(file).href)) as { default: ModuleDefinition }
    found.push(mod.default)
  }
  return found
}

export interface AppOptions {
  services: Services
  modules: ModuleDefinition[]
  logger?: FastifyServerOptions['logger']
  serveWeb?: boolean
  /** The list-answer cache (server/http/answer-cache.ts); on, 32 MB, unless said otherwise. */
  answerCache?: AnswerCacheOptions
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // One line per request, when it is answered (below), not Fastify's two: half the log volume,
    // and on the busiest routes the log was a good part of a cached answer's cost.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
    // Malformed URLs and bodies are the client's fault: same error shape as everything else.
    frameworkErrors: (err, req, reply) => errorHandler(err, req, reply),
  }).withTypeProvider<ZodTypeProvider>()
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed')
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorate('services', opts.services)
  app.decorate('answers', new AnswerCache(opts.answerCache ?? DEFAULT_ANSWER_CACHE))
  app.decorate(
    'menu',
    opts.modules.flatMap((m) => m.menu ?? []).sort((a, b) => a.order - b.order),
  )
  app.decorateRequest('actor', null)
  app.decorateRequest('locale', 'zh-CN')
  app.decorateRequest('sessionHash', null)
  app.decorateRequest('sessionCsrf', null)
  app.decorateRequest('dataStamp', null)
  app.setErrorHandler(errorHandler)

  await app.register(cookie)
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } })
  await app.register(swagger, {
    openapi: {
      info: { title: 'edu-ledger API', version: VERSION, description: '教育工作台账与汇报平台 API' },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger())

  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(
      req.headers['x-lang'] as string | undefined,
      req.cookies.lang,
      req.headers['accept-language'],
    )
    if (!req.url.startsWith('/api/')) return
    const { services } = opts
    const s = await resolveSession(services.db, services.dialect, req.cookies[SESSION_COOKIE], services.now())
    if (s) {
      req.actor = s.actor
      req.dataStamp = s.stamp ?? null
      req.sessionHash = s.idHash
      req.sessionCsrf = s.csrf
    }
  })
  // Double-submit CSRF check: a cross-site form cannot read our cookie to echo it in a header.
  app.addHook('preHandler', async (req) => {
    if (SAFE_METHODS.has(req.method) || !req.actor || req.url === '/api/auth/login') return
    const sent = req.headers['x-csrf-token']
    if (typeof sent !== 'string' || sent !== req.sessionCsrf) throw new AppError(403, 'csrf')
  })

  for (const m of opts.modules) m.routes(app)

  const dist = path.join(root, 'web', 'dist')
  if (opts.serveWeb !== false && fs.existsSync(path.join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: dist, wildcard: false, index: false })
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !fs.existsSync(path.join(dist, 'index.html'))) {
      return reply.code(404).send(renderError(new AppError(404, 'not_found'), req.locale))
    }
    return reply.type('text/html').sendFile('index.html')
  })
  return app
}

export { CSRF_COOKIE, SESSION_COOKIE }
