/**
 * Whole-file failures (unreadable, too large, no header …). Cell-level problems are not thrown:
 * they are collected per row so one import reports all of them at once.
 */
import { renderMessage } from './messages.js'

export type SpreadsheetErrorCode =
  | 'sheet_unreadable'
  | 'sheet_too_large'
  | 'sheet_too_many_rows'
  | 'sheet_too_many_cells'
  | 'sheet_not_found'
  | 'sheet_no_header'
  | 'sheet_missing_column'

/**
 * `code` is an i18n key of the server; `params` fill its placeholders. `message` is the Chinese
 * text, for logs and tests. Use cases turn it into a 400 (`badRequest(err.code, err.params)`).
 */
export class SpreadsheetError extends Error {
  override readonly name = 'SpreadsheetError'

  constructor(
    readonly code: SpreadsheetErrorCode,
    readonly params: Record<string, unknown> = {},
  ) {
    super(renderMessage(code, params))
  }
}

/** `sheet_unreadable` with a reason in both languages (the server shows `reason` or `reasonEn`). */
export function unreadable(reason: string, reasonEn: string): SpreadsheetError {
  return new SpreadsheetError('sheet_unreadable', { reason, reasonEn })
}

/** Human-readable byte limit, the same in both languages ("20 MB"). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}
