/**
 * What every attachment upload shares: the types the server accepts, the size limit, the check made
 * before sending, and the request itself (through the app's API client, so the CSRF header, the
 * language and the server's field errors come with it).
 */
import dayjs from 'dayjs'
import { api } from '../../api'
import type { Attachment } from './types'

/**
 * The server's allow-list (domain/files/allow-list.ts, which checks extension and content). That
 * module uses Node's Buffer, so the list is repeated here rather than imported into the bundle.
 */
export const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'jpg', 'jpeg', 'png'] as const

/** The server's default upper limit of one file (DEFAULT_FILE_MAX_BYTES). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

/** 1536 → "1.5 KB": sizes for people, not bytes. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  const mb = bytes / 1024 / 1024
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
}

/** An ISO timestamp as local minutes. */
export const atMinute = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')

/** The lower-cased extension of a file name, without the dot ('' when there is none). */
export const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name.trim())?.[1]?.toLowerCase() ?? ''

/** `accept` of an <input type=file> for a list of extensions. */
export const acceptOf = (extensions: readonly string[]) => extensions.map((e) => `.${e}`).join(',')

/** Upper-cased and without the jpeg alias, for "PDF、DOCX、…" in a hint. */
export const typeNames = (extensions: readonly string[]) =>
  extensions.filter((e) => e !== 'jpeg').map((e) => e.toUpperCase())

export type FileProblem = 'empty' | 'type' | 'size'

/**
 * Why a picked file would be refused, checked before sending so a 20 MB mistake is not uploaded
 * first; the server checks again (and also the content, which the browser does not).
 */
export function fileProblem(file: File, extensions: readonly string[], maxBytes: number): FileProblem | null {
  if (!extensions.includes(extensionOf(file.name))) return 'type'
  if (file.size === 0) return 'empty'
  if (file.size > maxBytes) return 'size'
  return null
}

/** Posts one file (multipart field `file`, optional `note`) to a module's upload route. */
export function uploadAttachment<T>(url: string, file: File, note?: string): Promise<T> {
  const body = new FormData()
  // The note before the file, so a streaming reader has it by the time the file arrives.
  if (note) body.append('note', note)
  body.append('file', file)
  return api.post<T>(url, body)
}

/** Voids a file of any record; the server answers the attachment, voided. */
export const voidAttachment = (id: number, reason: string) =>
  api.post<Attachment>(`/api/attachments/${id}/void`, { reason })
