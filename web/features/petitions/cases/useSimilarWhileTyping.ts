import { Form, type FormInstance } from 'antd'
import { useMemo } from 'react'
import { useDebounced } from '../../../app/hooks/useDebounced'
import { useSimilar } from '../queries'
import type { PersonInput } from '../types'
import type { RegisterValues } from './registerBody'

const FULL_ID = /^\d{17}[\dXx]$/
const MIN_PHONE_DIGITS = 7
// Shorter text matches nearly everything and would flood the registrar with false repeats.
const MIN_SUMMARY = 6

/**
 * Earlier cases that look like the one being typed. Only complete ID numbers and phone numbers are
 * sent: the server matches them by keyed hash, so a partial number can never match anyway.
 */
export function useSimilarWhileTyping(form: FormInstance<RegisterValues>, open: boolean) {
  const people = Form.useWatch('petitioners', form) as PersonInput[] | undefined
  const demandId = Form.useWatch('demandId', form)
  const summary = Form.useWatch('summary', form)

  const query = useMemo(() => {
    const id = people?.map((p) => p?.idNumber?.trim() ?? '').find((s) => FULL_ID.test(s))
    const phone = people
      ?.map((p) => p?.phone?.trim() ?? '')
      .find((s) => s.replace(/\D/g, '').length >= MIN_PHONE_DIGITS)
    const text = summary?.trim() ?? ''
    return {
      idNumber: id?.toUpperCase(),
      phone,
      demandId,
      summary: text.length >= MIN_SUMMARY ? text.slice(0, 2000) : undefined,
    }
  }, [people, demandId, summary])

  const key = useDebounced(JSON.stringify(query), 500)
  const debounced = useMemo(() => JSON.parse(key) as typeof query, [key])
  const enabled = open && Boolean(debounced.idNumber || debounced.phone || debounced.summary)
  const similar = useSimilar(debounced, enabled)
  return enabled ? (similar.data ?? []) : []
}
