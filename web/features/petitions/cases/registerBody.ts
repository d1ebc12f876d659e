/** The register form's values and how they become the POST /api/petitions/cases body. */
import type { Dayjs } from 'dayjs'
import { toIso } from '../dates'
import type { CaseKind, Channel, Level, PersonInput, RegisterCaseInput } from '../types'

export interface RegisterValues {
  receivedOn: Dayjs
  channel: Channel
  kind: CaseKind
  groupVisit?: boolean
  groupSize?: number
  petitioners: PersonInput[]
  categoryId: number
  demandId: number
  summary?: string
  orgUnitId: number
  level: Level
  responsibleUnitId: number
  responsibleLeader?: string
  regionLeader?: string
  accusedUnitId?: number
  duplicateOf?: number
}

const trimmed = (s: string | undefined) => s?.trim() || undefined

export function toBody(v: RegisterValues): RegisterCaseInput {
  return {
    receivedOn: toIso(v.receivedOn) ?? '',
    channel: v.channel,
    kind: v.kind,
    groupSize: v.groupVisit ? v.groupSize : undefined,
    petitioners: v.petitioners.map((p) => ({
      name: p.name.trim(),
      idNumber: trimmed(p.idNumber)?.toUpperCase(),
      phone: trimmed(p.phone),
      address: trimmed(p.address),
    })),
    categoryId: v.categoryId,
    demandId: v.demandId,
    summary: v.summary?.trim() ?? '',
    orgUnitId: v.orgUnitId,
    level: v.level,
    responsibleUnitId: v.responsibleUnitId,
    responsibleLeader: trimmed(v.responsibleLeader),
    regionLeader: trimmed(v.regionLeader),
    // Only an accusation names an accused unit; a stale choice from an earlier kind is dropped.
    accusedUnitId: v.kind === 'accusation' ? v.accusedUnitId : undefined,
    duplicateOf: v.duplicateOf,
  }
}
