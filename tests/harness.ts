/**
 * The test harness: a real database per test file (SQLite always, PostgreSQL too when
 * DATABASE_URL is set), the real app on it driven with `app.inject`, a fixed clock (the only
 * thing mocked), logged-in clients that keep their cookie and send the CSRF token, and factories
 * that build org units and users through the real use cases.
 *
 * ```ts
 * forEachDatabase('org units', (h) => {
 *   it('creates a school', async () => {
 *     const admin = await h.admin()
 *     const county = await h.buildCounty()
 *     const r = await admin.post('/api/org-units', { parentId: county.id, kind: 'school', name: '一小' })
 *     expect(r.statusCode).toBe(201)
 *   })
 * }, { demo: 'city' })
 * ```
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe } from 'vitest'
import { buildApp, loadModules } from '../server/app.js'
import { bootstrap } from '../server/bootstrap.js'
import { type Ctx, type Services, SYSTEM_ACTOR } from '../server/context.js'
import { openDatabase } from '../server/db/connect.js'
import type { DialectName } from '../server/db/dialect.js'
import type { Database } from '../server/db/schema.js'
import type { AnswerCacheMode } from '../server/http/answer-cache.js'
import type { App, ModuleDefinition } from '../server/http/module.js'
import { createOrgUnit } from '../server/modules/org/create-org-unit.js'
import { presentOrgUnit } from '../server/modules/org/presenter.js'
import { findById, findLiveByCode, findRoot } from '../server/modules/org/repository.js'
import type { CreateOrgUnitInput, OrgUnit } from '../server/modules/org/schema.js'
import { createUser } from '../server/modules/users/manage-users.js'
import type { UserView } from '../server/modules/users/schema.js'
import type { Role } from '../server/policies/roles.js'
import { openRuntime, type Runtime } from '../server/runtime.js'

export type Target = DialectName
export type Response = LightMyRequestResponse

export const ADMIN_PASSWORD = 'Admin12345'
export const DEMO_PASSWORD = 'Demo@2026'
export const DEFAULT_PASSWORD = 'Passw0rd2026'
/** 10:00 in Shanghai on a Friday: every test sees this instant unless it moves the clock. */
export const FIXED_NOW = '2026-11-27T02:00:00.000Z'

/** The databases every database test runs on: SQLite always, PostgreSQL when DATABASE_URL is set. */
export function targets(): Target[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']
}

/** The one mocked thing: time. Services read it through `now()`. */
export class TestClock {
  private t: number
  constructor(start: string = FIXED_NOW) {
    this.t = Date.parse(start)
  }
  readonly now = (): Date => new Date(this.t)
  set(iso: string): void {
    this.t = Date.parse(iso)
  }
  advance(ms: number): void {
    this.t += ms
  }
  /** Back to FIXED_NOW (after each test, so one test's time travel does not leak into the next). */
  reset(): void {
    this.t = Date.parse(FIXED_NOW)
  }
}

// ---------------------------------------------------------------------------------------------
// Fresh databases

export interface FreshDatabase {
  target: Target
  /** PostgreSQL only: the URL of the database made for this test. */
  url?: string
  /** A temp directory (SQLite file, backups, CLI data dir). */
  dir: string
  /** SQLite only: the database file. */
  sqliteFile?: string
  drop(): Promise<void>
}

/** Swaps the database name in a PostgreSQL URL. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

/** Runs `fn` with a client connected to the server of DATABASE_URL (for CREATE/DROP DATABASE). */
async function withServerClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** An empty database of the given kind, dropped (or deleted) by `drop()`. */
export async function createFreshDatabase(target: Target): Promise<FreshDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edu-test-'))
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true })
  if (target === 'sqlite') {
    return { target, dir, sqliteFile: path.join(dir, 'edu-ledger.sqlite'), drop: async () => removeDir() }
  }
  const name = `edu_test_${randomBytes(6).toString('hex')}`
  await withServerClient((c) => c.query(`create database ${name}`))
  return {
    target,
    dir,
    url: withDatabaseName(process.env.DATABASE_URL as string, name),
    async drop() {
      await withServerClient((c) => c.query(`drop database if exists ${name} with (force)`))
      removeDir()
    },
  }
}

let modulesPromise: Promise<ModuleDefinition[]> | undefined
export const modules = (): Promise<ModuleDefinition[]> => {
  modulesPromise ??= loadModules()
  return modulesPromise
}

/** The real runtime (migrations, job queue) on a fresh database, with the test clock. */
export async function openTestRuntime(
  db: FreshDatabase,
  clock: TestClock,
  opts: { startJobs?: boolean } = {},
): Promise<Runtime> {
  return openRuntime({ DATABASE_URL: db.url, EDU_LEDGER_DATA_DIR: db.dir }, await modules(), {
    now: clock.now,
    sqliteFile: db.sqliteFile,
    startJobs: opts.startJobs,
  })
}

export type DemoChoice = 'none' | 'city'

/**
 * Petition cases for a test demo that wants some (`petitions: TEST_DEMO_PETITIONS`): every status
 * turns up, and they load in a blink (the city demo's 3,000 would not).
 */
export const TEST_DEMO_PETITIONS = 120

/**
 * First start as `serve` does it: the demo (or not) and the admin with a known password. The test
 * demo has no petition cases unless asked: tests that count the ledger start from an empty one.
 */
export function bootstrapTest(services: Services, demo: DemoChoice, petitions = 0) {
  return bootstrap(services, {
    EDU_LEDGER_DEMO: demo,
    EDU_LEDGER_DEMO_SEED: 1,
    EDU_LEDGER_DEMO_PETITIONS: petitions,
    EDU_LEDGER_ADMIN_PASSWORD: ADMIN_PASSWORD,
  })
}

export async function startApp(services: Services, answerCache: AnswerCacheMode = 'verify'): Promise<App> {
  // Every cache hit is recomputed and compared: a list answer that depends on something the
  // cache's key misses fails the test that reads it.
  const app = await buildApp({
    services,
    modules: await modules(),
    serveWeb: false,
    answerCache: { mode: answerCache, maxBytes: 8 * 1024 * 1024 },
  })
  await app.ready()
  return app
}

// ---------------------------------------------------------------------------------------------
// Clients

export interface Client {
  username: string
  user: UserView
  token: string
  csrf: string
  /** The address the client seems to come from (x-forwarded-for), so throttles stay per test. */
  ip: string
  request(opts: InjectOptions): Promise<Response>
  get(url: string, headers?: Record<string, string>): Promise<Response>
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
}

let ipCounter = 0
/** A distinct client address per call (10.x.y.z), so login throttling by address stays local. */
export function nextIp(): string {
  ipCounter++
  return `10.${(process.pid % 200) + 1}.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`
}

/** Pulls a cookie's value out of a response's set-cookie headers. */
export function cookieFrom(res: Response, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value
}

/** A client with cookie and CSRF token, for requests as an anonymous visitor too (no cookie). */
export function clientFor(
  app: App,
  session: { token: string; csrf: string; username: string; user: UserView } | null,
  ip = nextIp(),
): Client {
  const request = (opts: InjectOptions) => {
    const headers: Record<string, string> = {
      'x-forwarded-for': ip,
      ...(session ? { 'x-csrf-token': session.csrf } : {}),
      ...(opts.headers as Record<string, string> | undefined),
    }
    const cookies = session ? { edu_sid: session.token, ...(opts.cookies ?? {}) } : opts.cookies
    return app.inject({ ...opts, headers, ...(cookies ? { cookies } : {}) })
  }
  const withBody =
    (method: 'POST' | 'PATCH' | 'PUT') => (url: string, body?: unknown, headers?: Record<string, string>) =>
      request({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
        headers,
      })
  return {
    username: session?.username ?? '',
    user: session?.user as UserView,
    token: session?.token ?? '',
    csrf: session?.csrf ?? '',
    ip,
    request,
    get: (url, headers) => request({ method: 'GET', url, headers }),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
  }
}

/** Logs in through the API and returns a client that keeps the session cookie and CSRF token. */
export async function loginAs(app: App, username: string, password: string, ip = nextIp()): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'x-forwarded-for': ip },
  })
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`)
  const body = res.json() as { user: UserView; csrfToken: string }
  const token = cookieFrom(res, 'edu_sid')
  if (!token) throw new Error('login set no session cookie')
  return clientFor(app, { token, csrf: body.csrfToken, username, user: body.user }, ip)
}

export const anonymous = (app: App): Client => clientFor(app, null)

// ---------------------------------------------------------------------------------------------
// Factories: real use cases, acting as the system actor

let seq = 0
const uniq = () => `${++seq}${randomBytes(2).toString('hex')}`
const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')
const pad2 = (n: number) => String(n).padStart(2, '0')

async function freeCode(db: Kysely<Database>, make: () => string): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const code = make()
    if (!(await findLiveByCode(db, code))) return code
  }
  throw new Error('no free code found')
}

export interface Factories {
  ctx(): Ctx
  root(): Promise<OrgUnit>
  buildCity(o?: { parentId?: number; name?: string; code?: string | null }): Promise<OrgUnit>
  buildCounty(o?: { parentId?: number; name?: string; code?: string | null }): Promise<OrgUnit>
  buildSchool(
    o?: { countyId?: number; name?: string; code?: string | null } & Partial<CreateOrgUnitInput>,
  ): Promise<OrgUnit>
  buildUser(o: {
    role: Role
    orgUnitId?: number
    username?: string
    password?: string
  }): Promise<UserView & { password: string }>
}

/** Factories over a runtime's services: each makes its parents when they are not given. */
export function factories(services: () => Services): Factories {
  const ctx = (): Ctx => ({ ...services(), actor: SYSTEM_ACTOR, locale: 'zh-CN' })
  const create = (input: CreateOrgUnitInput) => createOrgUnit(ctx(), input)
  const unit = async (id: number) => {
    const row = await findById(services().db, id)
    if (!row) throw new Error(`no org unit ${id}`)
    return row
  }
  const f: Factories = {
    ctx,
    async root() {
      const r = await findRoot(services().db)
      if (!r) throw new Error('no root unit: bootstrap first')
      return presentOrgUnit(r)
    },
    async buildCity(o = {}) {
      const parentId = o.parentId ?? (await f.root()).id
      const parent = await unit(parentId)
      const pp = parent.code ? parent.code.slice(0, 2) : '21'
      const code =
        o.code !== undefined
          ? o.code
          : await freeCode(services().db, () => `${pp}${pad2(1 + Math.floor(Math.random() * 99))}00`)
      return create({ parentId, kind: 'city', name: o.name ?? `测试市${uniq()}`, code })
    },
    async buildCounty(o = {}) {
      const parentId = o.parentId ?? (await f.buildCity()).id
      const parent = await unit(parentId)
      const prefix = parent.code ? parent.code.slice(0, 4) : `21${pad2(1 + Math.floor(Math.random() * 99))}`
      const code =
        o.code !== undefined
          ? o.code
          : await freeCode(services().db, () => `${prefix}${pad2(1 + Math.floor(Math.random() * 99))}`)
      return create({ parentId, kind: 'county', name: o.name ?? `测试区${uniq()}`, code })
    },
    async buildSchool(o = {}) {
      const { countyId, ...rest } = o
      const parentId = countyId ?? (await f.buildCounty()).id
      const code = o.code !== undefined ? o.code : await freeCode(services().db, () => `2${randomDigits(9)}`)
      return create({
        kind: 'school',
        stage: 'primary',
        ownership: 'public',
        ...rest,
        parentId,
        name: o.name ?? `测试第${uniq()}小学`,
        code,
      })
    },
    async buildUser(o) {
      let orgUnitId = o.orgUnitId
      if (orgUnitId === undefined) {
        if (o.role === 'county') orgUnitId = (await f.buildCounty()).id
        else if (o.role === 'school') orgUnitId = (await f.buildSchool()).id
        else orgUnitId = (await f.root()).id
      }
      const password = o.password ?? DEFAULT_PASSWORD
      const user = await createUser(ctx(), {
        username: o.username ?? `u_${o.role}_${uniq()}`,
        displayName: `测试${o.role}`,
        role: o.role,
        orgUnitId,
        password,
      })
      return { ...user, password }
    },
  }
  return f
}

// ---------------------------------------------------------------------------------------------
// One database, one app, per test file

export interface HarnessOptions {
  /** Load the city demo (示例市, ~600 units, one user per role) before the tests. Default none. */
  demo?: DemoChoice
  /** Demo petition cases to load with the city demo (TEST_DEMO_PETITIONS is a good number). Default 0. */
  petitions?: number
  /** Build the HTTP app. Default true. */
  app?: boolean
  /** Start the job queue. Default true. */
  startJobs?: boolean
  /** The list-answer cache's mode. Default verify: every hit is recomputed and compared. */
  answerCache?: AnswerCacheMode
}

export class Harness implements Factories {
  readonly clock = new TestClock()
  private _db?: FreshDatabase
  private _rt?: Runtime
  private _app?: App
  private adminClient?: Client
  private extra: { db: FreshDatabase; rt?: Runtime }[] = []
  private readonly f = factories(() => this.services)

  constructor(
    readonly target: Target,
    readonly options: HarnessOptions = {},
  ) {}

  get database(): FreshDatabase {
    if (!this._db) throw new Error('harness not set up')
    return this._db
  }
  get rt(): Runtime {
    if (!this._rt) throw new Error('harness not set up')
    return this._rt
  }
  get services(): Services {
    return this.rt.services
  }
  get db(): Kysely<Database> {
    return this.rt.services.db
  }
  get dialect(): DialectName {
    return this.rt.services.dialect
  }
  get app(): App {
    if (!this._app) throw new Error('harness has no app')
    return this._app
  }

  /**
   * Runs `fn` on a second connection to the same database, as another process would (the CLI, a
   * restore, someone with a SQL client): behind the app's back and outside its pool.
   */
  async withOtherConnection<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    const other = openDatabase({
      databaseUrl: this.database.url,
      dataDir: this.database.dir,
      sqliteFile: this.database.sqliteFile,
    })
    try {
      return await fn(other.db)
    } finally {
      await other.close()
    }
  }

  async setup(): Promise<void> {
    this._db = await createFreshDatabase(this.target)
    this._rt = await openTestRuntime(this._db, this.clock, { startJobs: this.options.startJobs })
    await bootstrapTest(this._rt.services, this.options.demo ?? 'none', this.options.petitions)
    if (this.options.app !== false) this._app = await startApp(this._rt.services, this.options.answerCache)
  }

  async teardown(): Promise<void> {
    await this._app?.close()
    await this._rt?.close()
    for (const e of this.extra) {
      await e.rt?.close().catch(() => undefined)
      await e.db.drop().catch(() => undefined)
    }
    await this._db?.drop()
  }

  /** Another empty database of the same kind, cleaned up with the harness. */
  async freshDatabase(): Promise<FreshDatabase> {
    const db = await createFreshDatabase(this.target)
    this.extra.push({ db })
    return db
  }

  /** A migrated runtime on another empty database of the same kind, closed with the harness. */
  async freshRuntime(opts: { startJobs?: boolean } = {}): Promise<Runtime> {
    const db = await createFreshDatabase(this.target)
    const rt = await openTestRuntime(db, this.clock, opts)
    this.extra.push({ db, rt })
    return rt
  }

  loginAs(username: string, password: string = DEMO_PASSWORD, ip?: string): Promise<Client> {
    return loginAs(this.app, username, password, ip)
  }
  /** The bootstrap admin, logged in once per file. */
  async admin(): Promise<Client> {
    this.adminClient ??= await loginAs(this.app, 'admin', ADMIN_PASSWORD)
    return this.adminClient
  }
  anonymous(): Client {
    return anonymous(this.app)
  }

  /** A live unit by its exact name (demo names are unique). */
  async unitByName(name: string): Promise<OrgUnit> {
    const row = await this.db
      .selectFrom('org_units')
      .select('id')
      .where('name', '=', name)
      .where('voided_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw new Error(`no unit named ${name}`)
    const full = await findById(this.db, row.id)
    if (!full) throw new Error(`no unit ${row.id}`)
    return presentOrgUnit(full)
  }

  ctx(): Ctx {
    return this.f.ctx()
  }
  root(): Promise<OrgUnit> {
    return this.f.root()
  }
  buildCity(o?: Parameters<Factories['buildCity']>[0]) {
    return this.f.buildCity(o)
  }
  buildCounty(o?: Parameters<Factories['buildCounty']>[0]) {
    return this.f.buildCounty(o)
  }
  buildSchool(o?: Parameters<Factories['buildSchool']>[0]) {
    return this.f.buildSchool(o)
  }
  buildUser(o: Parameters<Factories['buildUser']>[0]) {
    return this.f.buildUser(o)
  }
}

/**
 * Declares the tests of `fn` once per target database, each with its own fresh database, app and
 * clock, set up before the first test of the block and dropped after the last.
 */
export function forEachDatabase(name: string, fn: (h: Harness) => void, options: HarnessOptions = {}): void {
  for (const target of targets()) {
    describe(`${name} [${target}]`, () => {
      const h = new Harness(target, options)
      beforeAll(() => h.setup(), 60_000)
      afterAll(() => h.teardown(), 60_000)
      afterEach(() => h.clock.reset())
      fn(h)
    })
  }
}

/** The error body every failure answers with. */
export interface ErrorBody {
  error: {
    code: string
    message: string
    fields?: { field: string; message: string }[]
    currentVersion?: number
  }
}
export const errorOf = (res: Response): ErrorBody['error'] => (res.json() as ErrorBody).error

/** Rows of a table, for before/after counts. */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** A multipart/form-data body with one file field, as a browser sends an upload. */
export function multipartFile(
  filename: string,
  bytes: Buffer,
  contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----edu-test-${randomBytes(8).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** Uploads a file as `client` (multipart), e.g. an import. */
export function upload(client: Client, url: string, filename: string, bytes: Buffer): Promise<Response> {
  const { payload, headers } = multipartFile(filename, bytes)
  return client.request({ method: 'POST', url, payload, headers })
}
