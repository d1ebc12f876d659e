/**
 * Turns server errors into what the user sees: the translated message, red field errors on the
 * form, and for a stale version (409 conflict_version) an offer to reload the data.
 */
import { useQueryClient } from '@tanstack/react-query'
import { App, type FormInstance } from 'antd'
import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from './api'

export interface ShowErrorOptions {
  // biome-ignore lint/suspicious/noExplicitAny: antd's FormInstance is generic over any form shape
  form?: FormInstance<any>
  /** What "reload" means after a conflict; defaults to refetching every query. */
  onReload?: () => void
}

export function useShowError() {
  const { message, modal } = App.useApp()
  const qc = useQueryClient()
  const { t } = useTranslation()

  return useCallback(
    (err: unknown, opts: ShowErrorOptions = {}) => {
      if (!(err instanceof ApiError)) {
        message.error(err instanceof Error ? err.message : String(err))
        return
      }
      // Only a stale version offers a reload; other 409s are refusals ("locked", "still in use")
      // that reloading would not change: they are shown like any other error.
      if (err.status === 409 && (err.code === 'conflict_version' || err.currentVersion !== undefined)) {
        modal.confirm({
          title: t('common.conflictTitle'),
          content: err.message,
          okText: t('common.reload'),
          cancelText: t('common.close'),
          onOk: () => (opts.onReload ? opts.onReload() : void qc.invalidateQueries()),
        })
        return
      }
      const unplaced = opts.form ? placeFieldErrors(opts.form, err) : err.fields
      const extra = unplaced
        .map((f) =>
          f.row !== undefined
            ? `${f.row}${f.column ? `:${f.column}` : ''} ${f.message}`
            : `${f.field}: ${f.message}`,
        )
        .join('；')
      message.error(extra ? `${err.message}（${extra}）` : err.message)
    },
    [message, modal, qc, t],
  )
}

/** Puts each field error on its form item; returns the ones the form has no item for. */
// biome-ignore lint/suspicious/noExplicitAny: see ShowErrorOptions
function placeFieldErrors(form: FormInstance<any>, err: ApiError) {
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')))
  const placed = err.fields.filter((f) => known.has(f.field))
  // Form.List items are named by index (`petitioners.0.name`), and antd matches 0 but not '0'.
  const path = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))
  form.setFields(placed.map((f) => ({ name: path(f.field), errors: [f.message] })))
  return err.fields.filter((f) => !known.has(f.field))
}

let globalNotify: ((err: unknown) => void) | null = null

/** Used by the query cache, which lives outside React, to report failed loads. */
export function notifyQueryError(err: unknown): void {
  // A 401 already sends the user to the login page; a second message would be noise.
  if (err instanceof ApiError && err.status === 401) return
  globalNotify?.(err)
}

/** Mounted once inside antd's <App> so module-level code can reach its message API. */
export function FeedbackBridge() {
  const { message } = App.useApp()
  useEffect(() => {
    globalNotify = (err) => message.error(err instanceof Error ? err.message : String(err))
    return () => {
      globalNotify = null
    }
  }, [message])
  return null
}
