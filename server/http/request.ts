/** Per-request state: who is asking, in which language, and the use-case context built from it. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Actor, Ctx, Services } from '../context.js'
import { badRequest, unauthenticated } from './errors.js'
import type { Locale } from './i18n.js'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    locale: Locale
    sessionHash: string | null
    sessionCsrf: string | null
    /** The database's change stamp, read with the session (before the handler ran). */
    dataStamp: string | null
  }
  interface FastifyInstance {
    services: Services
  }
}

/** The use-case context for a signed-in request; 401 otherwise. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw unauthenticated()
  return { ...req.server.services, actor: req.actor, locale: req.locale }
}

/** Sends a file download with a UTF-8 file name (Chinese names survive every browser). */
export function sendFile(reply: FastifyReply, filename: string, bytes: Buffer, contentType: string) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(bytes)
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** An upload: the (first) file and the other multipart fields, e.g. an import's column mapping. */
export async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw badRequest('validation', {}, [{ field: 'file', key: 'required' }])
  let file: { filename: string; bytes: Buffer } | undefined
  const fields: Record<string, string> = {}
  for await (const part of req.parts()) {
    if (part.type === 'file') file ??= { filename: part.filename, bytes: await part.toBuffer() }
    else fields[part.fieldname] = String(part.value)
  }
  if (!file) throw badRequest('validation', {}, [{ field: 'file', key: 'required' }])
  return { file, fields }
}
