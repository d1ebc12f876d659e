import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * `t` for keys built at run time (`status.${s}`, `outcome.${o}`) under `selections.`: the typed
 * catalogue cannot check those, and every such key has its row in selections.zh-CN.ts / .en.ts.
 */
export function useSelT() {
  const { t } = useTranslation()
  return useCallback(
    (key: string, options?: Record<string, unknown>): string =>
      t(`selections.${key}` as never, options as never) as unknown as string,
    [t],
  )
}
