/** Words for the handlings (from domain/, as the server's exports use them) and who may do what. */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { HANDLING_LABELS } from '../../../domain/rectification/public-summary'
import type { Role } from '../../app/types'
import { HANDLINGS, type Handling } from './types'

export function useEthicsLabels() {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  return useMemo(() => {
    const handling = (h: Handling) => {
      const l = HANDLING_LABELS[h]
      return l ? (en ? l.en : l.zh) : h
    }
    return { handling, handlingOptions: () => HANDLINGS.map((h) => ({ value: h, label: handling(h) })) }
  }, [en])
}

/** ethics.write: register, correct, publish and void cases. */
export const canWriteEthics = (role: Role | undefined) => role === 'department' || role === 'county'

/** The violation types are kept by the administrator and by those who write the cases. */
export const canEditViolationTypes = (role: Role | undefined) => role === 'admin' || canWriteEthics(role)
