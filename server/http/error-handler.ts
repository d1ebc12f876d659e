/**
 * Turns every failure into the one error shape, in the user's language. Known client mistakes
 * are 4xx; an unreachable database is 503 and a full disk 507, so clients can tell "try later"
 * from "fix your input"; only the unexpected is 500, logged without request data.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { SpreadsheetError } from '../spreadsheet/errors.js'
import { AppError, type FieldError, renderError } from './errors.js'
import { scrubDigits } from './logger.js'

const DB_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
])

/** fastify-type-provider-zod's shape of one zod issue: the code as `keyword`, the rest in `params`. */
interface ZodIssueLike {
  keyword?: string
  instancePath?: string
  message?: string
  params?: {
    minimum?: unknown
    maximum?: unknown
    values?: unknown[]
    origin?: string
    keys?: string[]
    expected?: string
    input?: unknown
  }
}

function issueToField(v: ZodIssueLike): FieldError {
  const field = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || 'body'
  const issue = v.params ?? {}
  switch (v.keyword) {
    case 'invalid_type':
      return { field, key: v.message?.includes('received undefined') ? 'required' : 'invalid_type' }
    case 'too_small':
      return {
        field,
        key: issue.origin === 'string' ? 'too_short' : 'too_small',
        params: { min: issue.minimum },
      }
    case 'too_big':
      return {
        field,
        key: issue.origin === 'string' ? 'too_long' : 'too_big',
        params: { max: issue.maximum },
      }
    case 'invalid_value':
      return { field, key: 'invalid_value', params: { options: (issue.values ?? []).join(' / ') } }
    case 'unrecognized_keys':
      return { field: issue.keys?.[0] ?? field, key: 'unknown_field' }
    default:
      return { field, key: 'invalid_format' }
  }
}

/** The column of a unique violation (SQLite names it in the message, PostgreSQL in the detail), camelCased. */
function uniqueColumn(e: { message?: string; detail?: unknown }): string | undefined {
  const m =
    /UNIQUE constraint failed: \w+\.(\w+)/.exec(e.message ?? '') ??
    /^Key \((\w+)/.exec(typeof e.detail === 'string' ? e.detail : '')
  return m?.[1]?.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

function classify(err: unknown): AppError {
  if (err instanceof AppError) return err
  if (err instanceof SpreadsheetError) return new AppError(400, err.code, err.params)
  const e = err as FastifyError & { code?: string; errno?: number }
  if (hasZodFastifySchemaValidationErrors(e)) {
    return new AppError(400, 'validation', {}, (e.validation as ZodIssueLike[]).map(issueToField))
  }
  const code = String(e.code ?? '')
  // pg-pool says this only when every connection is busy and the wait ran out: the database is
  // there, the server is overloaded (bench/load.ts saw it at 200 connections). Not "unavailable".
  if (/timeout exceeded when trying to connect/.test(e.message ?? '')) return new AppError(503, 'server_busy')
  if (
    DB_DOWN.has(code) ||
    /Connection terminated|connect ECONNREFUSED|not queryable/i.test(e.message ?? '')
  ) {
    return new AppError(503, 'db_unavailable')
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100')
    return new AppError(507, 'storage_full')
  // PostgreSQL refuses a number beyond its column type (an id of 2^53 - 1 passes the schema) and
  // a NUL character in text (SQLite takes both): the client's input, not a server fault.
  if (code === '22003' || code === '22P02' || code === '22021') return new AppError(400, 'bad_request')
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505') {
    // Two requests that both passed the use case's "is it free?" check: still name the field.
    const field = uniqueColumn(e)
    return new AppError(409, 'conflict', {}, field ? [{ field, key: 'conflict' }] : [])
  }
  if (code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413)
    return new AppError(413, 'too_large', { limit: '20 MB' })
  if (e.statusCode === 429) return new AppError(429, 'rate_limited')
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return new AppError(e.statusCode, 'bad_request')
  return new AppError(500, 'internal')
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const appErr = classify(err)
  if (appErr.status >= 500 && appErr.status !== 503 && appErr.status !== 507) {
    const e = err as Error
    // Method and path only: query strings and bodies may carry personal data.
    req.log.error(
      {
        err: {
          message: scrubDigits(String(e.message)),
          stack: scrubDigits(String(e.stack)),
          code: (e as { code?: string }).code,
        },
        route: req.routeOptions.url,
      },
      'unhandled error',
    )
  }
  if (appErr.status === 429 && typeof appErr.extra.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(appErr.extra.retryAfterSeconds))
  }
  return reply.code(appErr.status).send(renderError(appErr, req.locale ?? 'zh-CN'))
}
