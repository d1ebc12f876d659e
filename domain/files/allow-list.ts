/**
 * Which uploaded files are accepted (rectification evidence, attachments of tasks, topics and cases). The allow-list is by extension *and*
 * by content (magic bytes), so a renamed executable or a script saved as `.pdf` is refused; the
 * stored content type is the one detected here, never the one the browser claimed.
 */
/** Why an upload is refused: an HTTP status, a message code and the form field. */
export interface FileRefusal {
  /** 400 (an empty file), 413 (too large), 415 (a kind not accepted). */
  status: 400 | 413 | 415
  code: string
  field: string
  params?: Record<string, string | number>
}

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mime: 'image/png', extensions: ['png'] },
} as const
export type FileType = keyof typeof FILE_TYPES
export const FILE_TYPE_NAMES = Object.keys(FILE_TYPES) as FileType[]

/** Default upper limit of one uploaded file (the upload limit of the whole app is the same). */
export const DEFAULT_FILE_MAX_BYTES = 20 * 1024 * 1024

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const JPG = Buffer.from([0xff, 0xd8, 0xff])
const PDF = Buffer.from('%PDF-', 'latin1')

const startsWith = (bytes: Uint8Array, magic: Buffer) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)

/** Whether the bytes look like the type (an OOXML file is a zip holding `word/` or `xl/` parts). */
export function contentMatches(type: FileType, bytes: Buffer): boolean {
  switch (type) {
    case 'pdf':
      // Some generators put a few bytes of junk before the header; readers accept it within 1 KB.
      return bytes.subarray(0, 1024).includes(PDF)
    case 'png':
      return startsWith(bytes, PNG)
    case 'jpg':
      return startsWith(bytes, JPG)
    case 'docx':
      return startsWith(bytes, ZIP) && bytes.includes('word/')
    case 'xlsx':
      return startsWith(bytes, ZIP) && bytes.includes('xl/')
  }
}

/** The extension of a file name, lower-cased, without the dot ('' when there is none). */
export function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(filename.trim())
  return m?.[1]?.toLowerCase() ?? ''
}

export function typeOfExtension(ext: string): FileType | null {
  for (const name of FILE_TYPE_NAMES)
    if ((FILE_TYPES[name].extensions as readonly string[]).includes(ext)) return name
  return null
}

/**
 * A file name fit to store and to send back in a download: the last path segment, no control or
 * reserved characters, at most 120 characters (the extension kept).
 */
export function safeFilename(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim()
  const chars = [...clean]
  if (chars.length <= 120) return clean || 'file'
  const ext = extensionOf(clean)
  const keep = 120 - (ext ? ext.length + 1 : 0)
  return `${chars.slice(0, keep).join('')}${ext ? `.${ext}` : ''}`
}

export function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}

/** The accepted type of an upload, or why it is refused. */
export function checkUploadedFile(
  filename: string,
  bytes: Buffer,
  maxBytes: number,
): { ok: true; type: FileType; mime: string } | { ok: false; refusal: FileRefusal } {
  if (bytes.length === 0) return { ok: false, refusal: { status: 400, code: 'file_empty', field: 'file' } }
  if (bytes.length > maxBytes)
    return {
      ok: false,
      refusal: { status: 413, code: 'too_large', field: 'file', params: { limit: formatLimit(maxBytes) } },
    }
  const type = typeOfExtension(extensionOf(filename))
  if (!type)
    return {
      ok: false,
      refusal: {
        status: 415,
        code: 'file_type_not_allowed',
        field: 'file',
        params: { types: FILE_TYPE_NAMES.join(', ') },
      },
    }
  if (!contentMatches(type, bytes))
    return {
      ok: false,
      refusal: { status: 415, code: 'file_content_mismatch', field: 'file', params: { type } },
    }
  return { ok: true, type, mime: FILE_TYPES[type].mime }
}
