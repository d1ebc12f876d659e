/**
 * Fuzzes every operation the OpenAPI document describes, with requests generated from the
 * operation's own schemas: valid-ish values, values of the wrong type, huge and odd strings,
 * missing and extra fields, nested junk. As a signed-in admin and as an anonymous visitor, no
 * request may get a 5xx, every 4xx must have the one error shape, and no body may carry a stack
 * trace or database error text. FUZZ_RUNS sets the runs per operation (CI uses 200).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import {
  type Client,
  forEachDatabase,
  type Harness,
  multipartFile,
  nextIp,
  type Response,
} from '../../tests/harness.js'
import { hashToken } from '../auth/sessions.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 25)
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined

interface Schema {
  type?: string
  enum?: unknown[]
  nullable?: boolean
  minimum?: number
  maximum?: number
  exclusiveMinimum?: boolean
  minLength?: number
  maxLength?: number
  pattern?: string
  items?: Schema
  maxItems?: number
  properties?: Record<string, Schema>
  required?: string[]
  anyOf?: Schema[]
  oneOf?: Schema[]
  default?: unknown
}
interface Operation {
  method: string
  path: string
  pathParams: { name: string; schema: Schema }[]
  query: { name: string; schema: Schema }[]
  body?: Schema
  multipart: boolean
}

// ------------------------------------------------------------------------------------------
// Generators

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e反转',
  '😀'.repeat(30),
  '𠮷野家',
  "' OR '1'='1",
  '1; DROP TABLE users --',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${process.env}',
  '=cmd|"/c calc"!A1',
  'NaN',
  '-0',
  '1e309',
  'null',
  'true',
  '__proto__',
  '和平区',
  'a'.repeat(10_000),
]

const junkString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
)

const BOUNDARY_INTS = [
  0, -1, 1, 2, 2_147_483_647, 2_147_483_648, -2_147_483_649, 9_007_199_254_740_991, 9_007_199_254_740_992,
]

/** Plausible ids: mostly ones that exist in the demo, sometimes at the edges of every integer type. */
const idLike = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 700 }) },
  { weight: 1, arbitrary: fc.constantFrom(...BOUNDARY_INTS) },
  { weight: 1, arbitrary: fc.integer() },
)

/** Any JSON value at all: objects, arrays, deep nesting, odd keys. */
const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    junkString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...BOUNDARY_INTS),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(junkString, fc.constantFrom('constructor', 'prototype', 'toString')),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value

/** A value that fits `schema` more or less: right type, within or just outside its limits. */
function fromSchema(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return junk
  const alternatives = schema.anyOf ?? schema.oneOf
  let arb: fc.Arbitrary<unknown>
  if (alternatives) arb = fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)))
  else if (schema.enum) arb = fc.constantFrom(...schema.enum)
  else if (schema.type === 'integer' || schema.type === 'number') {
    const min = schema.minimum === undefined ? -1_000_000 : schema.minimum + (schema.exclusiveMinimum ? 1 : 0)
    const max = Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER)
    arb = fc.oneof(
      {
        weight: 3,
        arbitrary:
          min <= 700 && max >= 1
            ? idLike
            : fc.integer({ min: Math.max(min, -2_147_483_648), max: Math.min(max, 2_147_483_647) }),
      },
      { weight: 1, arbitrary: fc.constantFrom(min, max, min - 1, max + 1) },
      ...(schema.type === 'number' ? [fc.double({ noNaN: true })] : []),
    )
  } else if (schema.type === 'boolean') arb = fc.boolean()
  else if (schema.type === 'string') {
    const min = schema.minLength ?? 0
    const max = Math.min(schema.maxLength ?? 60, 120)
    arb = fc.oneof(
      { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: max }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }) },
      { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{2,12}$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^\d{6}$|^\d{10}$/) },
      {
        weight: 1,
        arbitrary: fc.string({
          minLength: (schema.maxLength ?? 60) + 1,
          maxLength: (schema.maxLength ?? 60) + 5,
        }),
      },
    )
  } else if (schema.type === 'array') {
    arb = fc.array(fromSchema(schema.items, depth + 1), { maxLength: Math.min(schema.maxItems ?? 5, 5) + 1 })
  } else if (schema.type === 'object' || schema.properties) {
    const props = schema.properties ?? {}
    const required = new Set(schema.required ?? [])
    arb = fc
      .record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, fromSchema(s, depth + 1)])), {
        requiredKeys: Object.keys(props).filter((k) => required.has(k)),
      })
      .map((o) => o as unknown)
  } else arb = junk
  return schema.nullable ? fc.option(arb, { nil: null, freq: 5 }) : arb
}

/** Valid-ish most of the time; otherwise one field wrong or missing, an extra field, or junk. */
function bodyFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const good = fromSchema(schema)
  const keys = Object.keys(schema?.properties ?? {})
  const mutated = keys.length
    ? fc.tuple(good, fc.constantFrom(...keys), junk, fc.boolean()).map(([v, k, bad, drop]) => {
        if (!v || typeof v !== 'object' || Array.isArray(v)) return v
        const copy = { ...(v as Record<string, unknown>) }
        if (drop) delete copy[k]
        else copy[k] = bad
        return copy
      })
    : junk
  const extra = good.map((v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as object), surplus: 'x' } : v,
  )
  return fc.oneof(
    { weight: 4, arbitrary: good },
    { weight: 3, arbitrary: mutated },
    { weight: 1, arbitrary: extra },
    { weight: 2, arbitrary: junk },
  )
}

/** A query-string value: the schema's own kind of value, or any odd text, sometimes repeated. */
const queryValue = (schema: Schema) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fromSchema(schema).map((v) =>
        typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v),
      ),
    },
    { weight: 1, arbitrary: junkString.map((s) => s.slice(0, 2000)) },
    { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 5 }), { minLength: 2, maxLength: 3 }) },
  )

interface Generated {
  url: string
  payload?: unknown
  raw?: { payload: Buffer; headers: Record<string, string> }
}

function requestFor(op: Operation): fc.Arbitrary<Generated> {
  const pathArb = fc.tuple(
    ...op.pathParams.map((p) =>
      fc.oneof(
        { weight: 4, arbitrary: fromSchema(p.schema) },
        { weight: 1, arbitrary: junkString.filter((s) => s.length < 200) },
      ),
    ),
  )
  const queryArb = fc.tuple(
    ...op.query.map((q) => fc.option(queryValue(q.schema), { nil: undefined, freq: 2 })),
  )
  const bodyArb: fc.Arbitrary<Pick<Generated, 'payload' | 'raw'>> = op.multipart
    ? fc.oneof(
        fc.uint8Array({ maxLength: 2000 }).map((b) => ({ raw: multipartFile('fuzz.xlsx', Buffer.from(b)) })),
        junk.map((payload) => ({ payload })),
      )
    : op.body
      ? bodyFor(op.body).map((payload) => ({ payload }))
      : op.method === 'GET'
        ? fc.constant({})
        : fc.option(junk, { nil: undefined }).map((payload) => (payload === undefined ? {} : { payload }))
  return fc.tuple(pathArb, queryArb, bodyArb).map(([params, queries, body]) => {
    let i = 0
    const path = op.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(String(params[i++])))
    const qs = new URLSearchParams()
    op.query.forEach((q, j) => {
      const v = queries[j]
      if (v === undefined) return
      for (const one of Array.isArray(v) ? v : [v]) qs.append(q.name, String(one))
    })
    const query = qs.toString()
    return { url: query ? `${path}?${query}` : path, ...body }
  })
}

// ------------------------------------------------------------------------------------------
// What every response must look like

const LEAKS: [RegExp, string][] = [
  [/\n\s+at\s/, 'a stack frame'],
  [/\bat\s+[\w.<>]+\s+\([^)]*:\d+:\d+\)/, 'a stack frame'],
  [
    new RegExp(`file://|node_modules|\\.ts:\\d+|${ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    'a source path',
  ],
  [
    /SQLITE_|sqlite_master|better-sqlite3|no such (?:table|column)|syntax error|constraint failed/i,
    'SQLite error text',
  ],
  [
    /violates|duplicate key|relation "|invalid input syntax|out of range for type|pg_advisory/i,
    'PostgreSQL error text',
  ],
  [/\b(?:select|insert|update|delete)\b[^"]{0,80}\b(?:from|into|set|where)\b/i, 'SQL text'],
]

function check(res: Response, what: string): void {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500)
  const type = String(res.headers['content-type'] ?? '')
  const text = type.includes('spreadsheetml') ? '' : res.body
  if (res.statusCode >= 400) {
    expect(type, what).toContain('application/json')
    const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } }
    expect(typeof body.error?.code, `${what}: ${res.body.slice(0, 200)}`).toBe('string')
    expect(typeof body.error?.message, `${what}: ${res.body.slice(0, 200)}`).toBe('string')
    expect(body.error?.message, what).not.toBe('')
  }
  for (const [re, label] of LEAKS) {
    // Error bodies may quote the request back (a code that is not 10 digits): look only at what
    // the server adds, i.e. bodies of errors and of successful responses alike, minus echoes.
    const m = re.exec(text)
    if (m) expect.fail(`${what} → ${res.statusCode}: body has ${label} (“${m[0]}”): ${text.slice(0, 300)}`)
  }
}

// ------------------------------------------------------------------------------------------

function operations(spec: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const ops: Operation[] = []
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as {
        parameters?: { in: string; name: string; schema: Schema }[]
        requestBody?: { content?: Record<string, { schema?: Schema }> }
      }
      const params = op.parameters ?? []
      const content = op.requestBody?.content ?? {}
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        body: content['application/json']?.schema,
        multipart: path.endsWith('/import'),
      })
    }
  }
  return ops
}

/** Keeps the fuzzing admin signed in and an admin, whatever the fuzzed requests did to it. */
class AdminSession {
  client?: Client
  private userId = 0
  private original?: { role: string; org_unit_id: number; password_hash: string }
  constructor(
    private readonly h: Harness,
    private readonly username: string,
    private readonly password: string,
  ) {}

  async ensure(): Promise<Client> {
    if (!this.client) {
      const row = await this.h.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', this.username)
        .executeTakeFirstOrThrow()
      this.userId = row.id
      this.original = { role: row.role, org_unit_id: row.org_unit_id, password_hash: row.password_hash }
      this.client = await this.h.loginAs(this.username, this.password, nextIp())
      return this.client
    }
    const alive = await this.h.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.role', 'users.voided_at'])
      .where('sessions.id_hash', '=', hashToken(this.client.token))
      .executeTakeFirst()
    if (alive && alive.role === this.original?.role && !alive.voided_at) return this.client
    // Fuzzed requests may reset this admin's password, change its role or end its session.
    await this.h.db
      .updateTable('users')
      .set({ ...(this.original as object), voided_at: null, void_reason: null })
      .where('id', '=', this.userId)
      .execute()
    await this.h.db.deleteFrom('auth_throttle').execute()
    this.client = await this.h.loginAs(this.username, this.password, nextIp())
    return this.client
  }
}

/** Petitions, and writes to supervision, rectification, ethics, statistics, indicators and balance, are a department's work: fuzz them as one. */
const asOffice = (op: Operation) =>
  op.path.startsWith('/api/petitions') ||
  (op.method !== 'GET' &&
    [
      '/api/supervision',
      '/api/research',
      '/api/rectification',
      '/api/ethics',
      '/api/statistics',
      '/api/indicators',
      '/api/indicator-',
      '/api/balance',
      '/api/reports',
      '/api/redact',
      '/api/selections',
    ].some((p) => op.path.startsWith(p)))

forEachDatabase(
  'HTTP fuzz',
  (h) => {
    let ops: Operation[] = []
    let session: AdminSession
    // Petition writes are the petition office's, not the system administrator's: fuzz them as one.
    let office: AdminSession

    it('documents every API operation in OpenAPI', async () => {
      const res = await h.anonymous().get('/api/openapi.json')
      expect(res.statusCode).toBe(200)
      ops = operations(res.json())
      expect(ops.length).toBeGreaterThan(25)
      const fuzzer = await h.buildUser({ role: 'admin', username: 'fuzz_admin' })
      session = new AdminSession(h, fuzzer.username, fuzzer.password)
      const clerk = await h.buildUser({ role: 'department', username: 'fuzz_office' })
      office = new AdminSession(h, clerk.username, clerk.password)
      // Log both in now: each remembers its user as it is before any fuzzed request (a fuzzed
      // reset-password may hit these very users, and the session restores what it remembered).
      await session.ensure()
      await office.ensure()
    })

    // One test per operation, declared up front from the app's own list (the spec is fetched above).
    const declared = [
      'GET /api/audit',
      'GET /api/audit/export.xlsx',
      'GET /api/audit/verify',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'PATCH /api/auth/me',
      'POST /api/auth/password',
      'GET /api/jobs/{id}',
      'GET /api/jobs/{id}/error-report.xlsx',
      'GET /api/jobs/{id}/warning-report.xlsx',
      'GET /api/org-units/tree',
      'GET /api/org-units',
      'POST /api/org-units',
      'GET /api/org-units/export.xlsx',
      'GET /api/org-units/import-template.xlsx',
      'POST /api/org-units/import',
      'GET /api/org-units/{id}',
      'PATCH /api/org-units/{id}',
      'POST /api/org-units/{id}/move',
      'POST /api/org-units/{id}/void',
      'GET /api/health',
      'GET /api/meta',
      'GET /api/today',
      'GET /api/users',
      'POST /api/users',
      'GET /api/users/export.xlsx',
      'PATCH /api/users/{id}',
      'POST /api/users/{id}/void',
      'POST /api/users/{id}/reset-password',
      'GET /api/calendar',
      'POST /api/calendar/overrides',
      'POST /api/calendar/overrides/{id}/void',
      'GET /api/petitions/cases',
      'POST /api/petitions/cases',
      'GET /api/petitions/cases/export.xlsx',
      'GET /api/petitions/import-template.xlsx',
      'POST /api/petitions/import/preview',
      'POST /api/petitions/import',
      'GET /api/petitions/cases/{id}',
      'POST /api/petitions/cases/{id}/actions',
      'POST /api/petitions/cases/{id}/void',
      'GET /api/petitions/similar',
      'GET /api/petitions/categories',
      'POST /api/petitions/categories',
      'PATCH /api/petitions/categories/{id}',
      'POST /api/petitions/categories/{id}/void',
      'GET /api/petitions/campaigns',
      'POST /api/petitions/campaigns',
      'POST /api/petitions/campaigns/{id}/cases',
      'GET /api/petitions/campaigns/{id}/board',
      'GET /api/petitions/plans',
      'POST /api/petitions/plans',
      'PATCH /api/petitions/plans/{id}',
      'GET /api/petitions/figures',
      'GET /api/petitions/settings',
      'PATCH /api/petitions/settings',
      'POST /api/petitions/retention/run',
      'GET /api/supervision/campaigns',
      'POST /api/supervision/campaigns',
      'GET /api/supervision/campaigns/{id}',
      'PATCH /api/supervision/campaigns/{id}',
      'POST /api/supervision/campaigns/{id}/void',
      'GET /api/supervision/tasks',
      'GET /api/supervision/tasks/export.xlsx',
      'POST /api/supervision/tasks',
      'GET /api/supervision/tasks/{id}',
      'PATCH /api/supervision/tasks/{id}',
      'POST /api/supervision/tasks/{id}/void',
      'POST /api/supervision/tasks/{id}/actions',
      'POST /api/supervision/tasks/{id}/progress',
      'POST /api/supervision/progress/{id}/attachments',
      'GET /api/attachments/{id}',
      'POST /api/attachments/{id}/void',
      'POST /api/supervision/tasks/{id}/milestones',
      'PATCH /api/supervision/milestones/{id}',
      'POST /api/supervision/milestones/{id}/void',
      'GET /api/supervision/tasks/{id}/occurrences',
      'POST /api/supervision/tasks/{id}/extensions',
      'GET /api/supervision/extensions',
      'POST /api/supervision/extensions/{id}/decide',
      'GET /api/supervision/overdue',
      'GET /api/supervision/notices',
      'POST /api/supervision/notices',
      'GET /api/supervision/notices/{id}',
      'GET /api/supervision/digest',
      'GET /api/supervision/changes',
      'GET /api/supervision/figures',
      'GET /api/supervision/settings',
      'PATCH /api/supervision/settings',
      'GET /api/supervision/import-template.xlsx',
      'POST /api/supervision/import',
      'GET /api/rectification/problems',
      'POST /api/rectification/problems',
      'GET /api/rectification/problems/export.xlsx',
      'GET /api/rectification/problems/{id}',
      'PATCH /api/rectification/problems/{id}',
      'POST /api/rectification/problems/{id}/actions',
      'POST /api/rectification/problems/{id}/signoff',
      'POST /api/rectification/problems/{id}/measures',
      'PATCH /api/rectification/problems/{id}/measures/{measureId}',
      'POST /api/rectification/problems/{id}/measures/{measureId}/void',
      'POST /api/rectification/problems/{id}/evidence',
      'GET /api/rectification/evidence/{id}',
      'POST /api/rectification/evidence/{id}/void',
      'GET /api/rectification/figures',
      'GET /api/rectification/import-template.xlsx',
      'POST /api/rectification/import',
      'GET /api/rectification/categories',
      'POST /api/rectification/categories',
      'POST /api/rectification/categories/{id}/void',
      'GET /api/ethics/cases',
      'POST /api/ethics/cases',
      'GET /api/ethics/cases/{id}',
      'PATCH /api/ethics/cases/{id}',
      'POST /api/ethics/cases/{id}/void',
      'POST /api/ethics/cases/{id}/attachments',
      'GET /api/research/topics',
      'GET /api/research/topics/export.xlsx',
      'POST /api/research/topics',
      'GET /api/research/topics/{id}',
      'PATCH /api/research/topics/{id}',
      'POST /api/research/topics/{id}/void',
      'POST /api/research/topics/{id}/actions',
      'POST /api/research/topics/{id}/attachments',
      'POST /api/research/topics/{id}/visits',
      'POST /api/research/visits/{id}/void',
      'POST /api/research/topics/{id}/findings',
      'PATCH /api/research/findings/{id}',
      'POST /api/research/findings/{id}/void',
      'POST /api/research/findings/{id}/to-problem',
      'GET /api/research/problems/{id}/source',
      'GET /api/research/figures',
      'GET /api/research/import-template.xlsx',
      'POST /api/research/import',
      'GET /api/statistics/ledgers',
      'POST /api/statistics/ledgers',
      'GET /api/statistics/ledgers/{key}',
      'PATCH /api/statistics/ledgers/{key}',
      'POST /api/statistics/ledgers/{key}/void',
      'GET /api/statistics/ledgers/{key}/rows',
      'GET /api/statistics/ledgers/{key}/rows/export.xlsx',
      'POST /api/statistics/ledgers/{key}/rows',
      'GET /api/statistics/ledgers/{key}/rows/{id}',
      'PATCH /api/statistics/ledgers/{key}/rows/{id}',
      'POST /api/statistics/ledgers/{key}/rows/{id}/void',
      'GET /api/statistics/ledgers/{key}/import-template.xlsx',
      'POST /api/statistics/ledgers/{key}/import/preview',
      'POST /api/statistics/ledgers/{key}/import',
      'GET /api/statistics/ledgers/{key}/submissions',
      'POST /api/statistics/ledgers/{key}/submissions/{id}/submit',
      'POST /api/statistics/ledgers/{key}/submissions/{id}/approve',
      'POST /api/statistics/ledgers/{key}/submissions/{id}/return',
      'GET /api/statistics/ledgers/{key}/completeness',
      'GET /api/indicators',
      'GET /api/indicators/ledgers',
      'GET /api/indicators/pivot',
      'GET /api/indicators/pivot.xlsx',
      'POST /api/indicators',
      'GET /api/indicators/{key}',
      'PATCH /api/indicators/{key}',
      'POST /api/indicators/{key}/void',
      'GET /api/indicators/{key}/figure',
      'GET /api/indicators/{key}/ranking',
      'GET /api/indicators/{key}/values',
      'PUT /api/indicators/{key}/values',
      'GET /api/indicators/{key}/targets',
      'PUT /api/indicators/{key}/targets',
      'POST /api/indicator-values/{id}/void',
      'POST /api/indicator-targets/{id}/void',
      'GET /api/balance/resources',
      'GET /api/balance/resources/export.xlsx',
      'GET /api/balance/resources/import-template.xlsx',
      'POST /api/balance/resources/import',
      'POST /api/balance/resources',
      'GET /api/balance/resources/{id}',
      'PATCH /api/balance/resources/{id}',
      'POST /api/balance/resources/{id}/void',
      'GET /api/balance/coefficients',
      'GET /api/balance/counties/{id}',
      'GET /api/balance/warnings',
      'POST /api/balance/warnings/to-problem',
      'GET /api/balance/kindergartens',
      'GET /api/balance/kindergartens/export.xlsx',
      'GET /api/balance/kindergartens/import-template.xlsx',
      'POST /api/balance/kindergartens/import',
      'POST /api/balance/kindergartens',
      'GET /api/balance/kindergartens/{id}',
      'PATCH /api/balance/kindergartens/{id}',
      'POST /api/balance/kindergartens/{id}/void',
      'GET /api/balance/preschool',
      'GET /api/balance/settings',
      'PATCH /api/balance/settings',
      'GET /api/reports/templates',
      'POST /api/reports/templates',
      'POST /api/reports/templates/check',
      'GET /api/reports/templates/{key}',
      'PATCH /api/reports/templates/{key}',
      'POST /api/reports/templates/{key}/void',
      'POST /api/reports/preview',
      'POST /api/reports/render',
      'POST /api/reports/render-jobs',
      'GET /api/reports/snapshots',
      'GET /api/reports/snapshots/{id}',
      'GET /api/reports/snapshots/{id}/document',
      'POST /api/reports/snapshots/{id}/void',
      'POST /api/redact',
      'GET /api/reports/terms',
      'POST /api/reports/terms',
      'POST /api/reports/terms/suggest',
      'POST /api/reports/terms/{id}/void',
      'GET /api/selections/rubrics',
      'POST /api/selections/rubrics',
      'GET /api/selections/rubrics/{id}',
      'POST /api/selections/rubrics/{id}/revise',
      'POST /api/selections/rubrics/{id}/void',
      'GET /api/selections/programmes',
      'POST /api/selections/programmes',
      'GET /api/selections/programmes/{id}',
      'PATCH /api/selections/programmes/{id}',
      'POST /api/selections/programmes/{id}/void',
      'POST /api/selections/programmes/{id}/actions',
      'GET /api/selections/programmes/{id}/summary',
      'GET /api/selections/programmes/{id}/ranking',
      'GET /api/selections/programmes/{id}/events',
      'GET /api/selections/programmes/{id}/results.xlsx',
      'GET /api/selections/programmes/{id}/results.docx',
      'POST /api/selections/programmes/{id}/applications',
      'GET /api/selections/applications',
      'GET /api/selections/applications/{id}',
      'PATCH /api/selections/applications/{id}',
      'POST /api/selections/applications/{id}/attachments',
      'POST /api/selections/applications/{id}/submit',
      'POST /api/selections/applications/{id}/withdraw',
      'GET /api/selections/experts',
      'POST /api/selections/experts',
      'PATCH /api/selections/experts/{id}',
      'POST /api/selections/experts/{id}/void',
      'POST /api/selections/programmes/{id}/assign',
      'POST /api/selections/applications/{id}/experts',
      'POST /api/selections/assignments/{id}/void',
      'GET /api/selections/reviews',
      'GET /api/selections/reviews/{id}',
      'PUT /api/selections/reviews/{id}',
      'POST /api/selections/reviews/{id}/submit',
      'POST /api/selections/programmes/{id}/objections',
      'POST /api/selections/objections/{id}/answer',
      'GET /api/ethics/cases/{id}/public',
      'GET /api/ethics/export.xlsx',
      'GET /api/ethics/figures',
      'GET /api/ethics/import-template.xlsx',
      'POST /api/ethics/import',
      'GET /api/ethics/violation-types',
      'POST /api/ethics/violation-types',
      'POST /api/ethics/violation-types/{id}/void',
    ]

    it('fuzzes every documented operation (the list below covers them all)', () => {
      expect(ops.map((o) => `${o.method} ${o.path}`).sort()).toEqual([...declared].sort())
    })

    for (const name of declared) {
      it(`${name}: no 5xx, one error shape, no leaks`, async () => {
        const op = ops.find((o) => `${o.method} ${o.path}` === name)
        if (!op) throw new Error(`${name} is not in the OpenAPI document`)
        // Export routes build a workbook per request: fewer runs keep the suite quick.
        const runs = op.path.endsWith('.xlsx') ? Math.max(5, Math.ceil(RUNS / 4)) : RUNS
        await fc.assert(
          fc.asyncProperty(requestFor(op), async (g) => {
            const admin = await (asOffice(op) ? office : session).ensure()
            for (const client of [admin, h.anonymous()]) {
              const who = client.token ? 'admin' : 'anonymous'
              const res = g.raw
                ? await client.request({
                    method: op.method as 'POST',
                    url: g.url,
                    payload: g.raw.payload,
                    headers: g.raw.headers,
                  })
                : await client.request({
                    method: op.method as 'GET',
                    url: g.url,
                    ...(g.payload === undefined
                      ? {}
                      : {
                          payload: JSON.stringify(g.payload),
                          headers: { 'content-type': 'application/json' },
                        }),
                  })
              check(res, `${who} ${op.method} ${g.url.slice(0, 200)}`)
            }
          }),
          { numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
        )
        await h.services.jobs.idle()
      }, 120_000)
    }

    it('malformed JSON, a wrong content type, a 3 MB body, deep nesting and prototype keys are 4xx', async () => {
      const admin = await session.ensure()
      const cases: [string, Parameters<Client['request']>[0], number | 'no-crash'][] = [
        [
          'malformed JSON',
          {
            method: 'POST',
            url: '/api/org-units',
            payload: '{"parentId": 1,',
            headers: { 'content-type': 'application/json' },
          },
          400,
        ],
        [
          'empty JSON body',
          {
            method: 'POST',
            url: '/api/org-units',
            payload: '',
            headers: { 'content-type': 'application/json' },
          },
          400,
        ],
        // Fastify reads text/plain as a string, which the schema then refuses.
        [
          'text/plain',
          {
            method: 'POST',
            url: '/api/org-units',
            payload: 'parentId=1',
            headers: { 'content-type': 'text/plain' },
          },
          400,
        ],
        [
          'application/xml',
          {
            method: 'POST',
            url: '/api/org-units',
            payload: '<a/>',
            headers: { 'content-type': 'application/xml' },
          },
          415,
        ],
        [
          'form-encoded',
          {
            method: 'PATCH',
            url: '/api/auth/me',
            payload: 'locale=en',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          },
          415,
        ],
        [
          '3 MB JSON',
          {
            method: 'POST',
            url: '/api/org-units',
            payload: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }),
            headers: { 'content-type': 'application/json' },
          },
          413,
        ],
        [
          'deep nesting',
          {
            method: 'POST',
            url: '/api/users',
            payload: `${'['.repeat(5000)}${']'.repeat(5000)}`,
            headers: { 'content-type': 'application/json' },
          },
          400,
        ],
        [
          '__proto__',
          {
            method: 'POST',
            url: '/api/org-units',
            payload: '{"__proto__":{"admin":true},"parentId":1}',
            headers: { 'content-type': 'application/json' },
          },
          400,
        ],
        [
          'constructor.prototype',
          {
            method: 'PATCH',
            url: '/api/auth/me',
            payload: '{"constructor":{"prototype":{"x":1}}}',
            headers: { 'content-type': 'application/json' },
          },
          400,
        ],
        ['bad query encoding', { method: 'GET', url: '/api/org-units?q=%E0%A4%A' }, 'no-crash'],
        ['bad path encoding', { method: 'GET', url: '/api/org-units/%' }, 400],
        ['id beyond a 32-bit integer', { method: 'GET', url: '/api/org-units/2147483648' }, 'no-crash'],
        [
          'id at 2^53 - 1',
          { method: 'POST', url: '/api/users/9007199254740991/void', payload: { version: 1, reason: 'x' } },
          'no-crash',
        ],
        ['NUL in a query', { method: 'GET', url: '/api/org-units?q=%00' }, 'no-crash'],
        [
          'NUL in a body',
          { method: 'PATCH', url: '/api/auth/me', payload: { displayName: 'a\u0000b' } },
          'no-crash',
        ],
        ['unknown route', { method: 'GET', url: '/api/no-such-thing' }, 404],
        ['wrong method', { method: 'DELETE', url: '/api/org-units/1' }, 404],
      ]
      for (const [label, req, status] of cases) {
        for (const client of [admin, h.anonymous()]) {
          const res = await client.request(req)
          check(res, label)
          if (status === 'no-crash') continue
          if (client.token) expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBe(status)
          else expect(res.statusCode, label).toBeGreaterThanOrEqual(400)
        }
      }
      // A 3 MB multipart upload is within the upload limit (20 MB); a 21 MB one is refused.
      const big = multipartFile('big.xlsx', Buffer.alloc(21 * 1024 * 1024, 1))
      const tooBig = await admin.request({
        method: 'POST',
        url: '/api/org-units/import',
        payload: big.payload,
        headers: big.headers,
      })
      check(tooBig, '21 MB upload')
      expect(tooBig.statusCode).toBe(413)
      expect(JSON.parse(tooBig.body).error.code).toBe('too_large')
      expect(Object.prototype).not.toHaveProperty('admin')
      await h.services.jobs.idle()
    })

    it('the app still works after the fuzzing', async () => {
      const admin = await session.ensure()
      expect((await admin.get('/api/auth/me')).statusCode).toBe(200)
      expect((await admin.get('/api/org-units/tree')).statusCode).toBe(200)
      const verify = await admin.get('/api/audit/verify')
      expect(verify.json()).toMatchObject({ ok: true })
    })
  },
  { demo: 'city' },
)
