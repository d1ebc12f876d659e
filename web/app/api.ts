/**
 * The one way the web talks to the server: same-origin cookies, JSON, the CSRF header on every
 * write, and the user's language on every call so server messages arrive already translated.
 */
import { currentLang } from './i18n'

export interface FieldProblem {
  field: string
  message: string
  row?: number
  column?: string
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldProblem[]; currentVersion?: number }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly currentVersion?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

let csrfFallback = ''
let onUnauthorized: (() => void) | null = null

/** Login and /me also return the token; kept in case the cookie is not readable (e.g. a proxy renames it). */
export function setCsrfToken(token: string): void {
  csrfFallback = token
}

/** The auth context registers this so an expired session anywhere sends the user to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler
}

function csrfToken(): string {
  const match = document.cookie.split('; ').find((c) => c.startsWith('edu_csrf='))
  return match ? decodeURIComponent(match.slice('edu_csrf='.length)) : csrfFallback
}

export type Query = Record<string, string | number | boolean | null | undefined>

/** Builds `path?k=v` leaving out empty values, so optional filters need no special-casing. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.set(k, String(v))
  }
  const s = params.toString()
  return s ? `${path}?${s}` : path
}

interface RequestOptions {
  body?: unknown
  query?: Query
  /** Login answers 401 for a wrong password; that is not an expired session. */
  noAuthRedirect?: boolean
  signal?: AbortSignal
}

function headersFor(method: string, body: unknown): Headers {
  const headers = new Headers({ accept: 'application/json', 'x-lang': currentLang() })
  if (method !== 'GET' && method !== 'HEAD') headers.set('x-csrf-token', csrfToken())
  if (body !== undefined && !(body instanceof FormData)) headers.set('content-type', 'application/json')
  return headers
}

async function toError(res: Response): Promise<ApiError> {
  let body: ErrorBody = {}
  try {
    body = (await res.json()) as ErrorBody
  } catch {
    // A proxy or a crashed server may answer with HTML; fall back to the status line.
  }
  const e = body.error ?? {}
  return new ApiError(
    res.status,
    e.code ?? `http_${res.status}`,
    e.message ?? `${res.status} ${res.statusText}`,
    e.fields ?? [],
    e.currentVersion,
  )
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  let res: Response
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, opts.body),
      body:
        opts.body === undefined
          ? undefined
          : opts.body instanceof FormData
            ? opts.body
            : JSON.stringify(opts.body),
      signal: opts.signal,
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(
      0,
      'network',
      currentLang() === 'en' ? 'Cannot reach the server' : '无法连接服务器，请检查网络',
    )
  }
  if (res.ok) return res
  const error = await toError(res)
  if (res.status === 401 && !opts.noAuthRedirect) onUnauthorized?.()
  throw error
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
}

function filenameFrom(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)
  if (star?.[1]) return decodeURIComponent(star[1])
  const plain = /filename="?([^";]+)"?/i.exec(cd)
  return plain?.[1] ?? fallback
}

/**
 * Downloads a file through fetch rather than a plain link, so a 401/403/409 shows as a message
 * instead of replacing the app with a JSON page.
 */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const res = await send('GET', path, { query })
  const blob = await res.blob()
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filenameFrom(res, fallbackName)
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke later: some browsers start reading the blob only after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
