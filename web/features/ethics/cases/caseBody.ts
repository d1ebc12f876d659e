/**
 * What the case form sends. A correction made from the masked view must not send the masked
 * values back ("张**" would overwrite the real name), so there an empty personal field means
 * "unchanged"; from the full view, personal fields are sent when they changed.
 */
import type { Dayjs } from 'dayjs'
import { toIso } from '../../rectification/format'
import type { CaseDetail, CaseInput, Handling } from '../types'

export interface CaseValues {
  teacherName?: string
  teacherIdNumber?: string
  schoolId: number
  occurredOn: Dayjs
  violationTypeId: number
  finding?: string
  handling: Handling
  handlingDetail?: string
  handledOn?: Dayjs
  published?: boolean
}

const common = (v: CaseValues) => ({
  schoolId: v.schoolId,
  occurredOn: toIso(v.occurredOn) ?? '',
  violationTypeId: v.violationTypeId,
  handling: v.handling,
  handlingDetail: v.handlingDetail?.trim() ?? '',
  published: v.published ?? false,
})

export const registerBody = (v: CaseValues): CaseInput => ({
  ...common(v),
  teacherName: v.teacherName?.trim() ?? '',
  teacherIdNumber: v.teacherIdNumber?.trim() || undefined,
  finding: v.finding?.trim() ?? '',
  handledOn: toIso(v.handledOn),
})

export function updateBody(v: CaseValues, d: CaseDetail) {
  const name = v.teacherName?.trim()
  const id = v.teacherIdNumber?.trim()
  const finding = v.finding?.trim()
  const personal = d.personalMasked
    ? {
        ...(name ? { teacherName: name } : {}),
        ...(id ? { teacherIdNumber: id } : {}),
        ...(finding ? { finding } : {}),
      }
    : {
        ...(name && name !== d.teacherName ? { teacherName: name } : {}),
        // An emptied ID number clears it.
        ...((id ?? '') !== (d.teacherIdNumber ?? '') ? { teacherIdNumber: id || null } : {}),
        ...(finding && finding !== d.finding ? { finding } : {}),
      }
  return { id: d.id, version: d.version, ...common(v), handledOn: toIso(v.handledOn) ?? null, ...personal }
}
