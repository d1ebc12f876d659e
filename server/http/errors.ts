/**
 * One error shape for every failure:
 * `{ error: { code, message, fields?: [{ field, message, row?, column? }], currentVersion? } }`,
 * with messages in the user's language. Use cases throw `AppError`; the handler turns anything
 * else into a 4xx where it can tell, a 503 for an unreachable database, and a 500 otherwise.
 */
import { type Locale, t } from './i18n.js'

export interface FieldError {
  field: string
  /** Message key (from i18n) or literal text. */
  key: string
  params?: Record<string, unknown>
  row?: number
  column?: string
}

export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly params: Record<string, unknown> = {},
    public readonly fields: FieldError[] = [],
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(code)
  }
}

export const badRequest = (code = 'bad_request', params?: Record<string, unknown>, fields?: FieldError[]) =>
  new AppError(400, code, params, fields)
export const invalid = (fields: FieldError[]) => new AppError(400, 'validation', {}, fields)
export const fieldError = (field: string, key: string, params?: Record<string, unknown>) =>
  new AppError(400, 'validation', {}, [{ field, key, params }])
export const unauthenticated = () => new AppError(401, 'unauthenticated')
export const forbidden = (code = 'forbidden') => new AppError(403, code)
export const notFound = (code = 'not_found') => new AppError(404, code)
export const conflict = (code = 'conflict', params?: Record<string, unknown>) =>
  new AppError(409, code, params)
export const staleVersion = (current: number) =>
  new AppError(409, 'conflict_version', { current }, [], { currentVersion: current })

export interface ErrorBody {
  error: {
    code: string
    message: string
    fields?: { field: string; message: string; row?: number; column?: string }[]
    [k: string]: unknown
  }
}

export function renderError(err: AppError, locale: Locale): ErrorBody {
  const fields = err.fields.map((f) => ({
    field: f.field,
    message: t(locale, f.key, f.params),
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
  }))
  return {
    error: {
      code: err.code,
      message: t(locale, err.code, err.params),
      ...(fields.length ? { fields } : {}),
      ...err.extra,
    },
  }
}
