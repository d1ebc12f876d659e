/**
 * A teacher's personal data in an ethics case, handled exactly like a petitioner's
 * (petitions/people.ts): normalised, encrypted, masked and hashed on the way in; decrypted only
 * for users allowed to see it, and that view is audited by the caller. The finding names the
 * teacher, so it is sealed as well, and kept masked beside it for lists and exports.
 */
import { maskIdNumberRegion, maskName } from '../../../domain/privacy/mask.js'
import type { Handling } from '../../../domain/rectification/public-summary.js'
import {
  maskLongNumbers,
  publicName,
  publicSummary,
  replaceTerms,
  type SummaryUnit,
} from '../../../domain/rectification/public-summary.js'
import { nameHash, type PersonalDataCipher } from '../../privacy/personal-data.js'
import { idNumberProblem } from '../../spreadsheet/parse-id.js'
import type { EthicsCaseRow } from './repository.js'

export const normaliseId = (s: string) => s.trim().toUpperCase()

/** Problem key of an ID number typed into the form, or null. */
export function idProblem(id: string, today: string): string | null {
  return idNumberProblem(normaliseId(id), today)
}

export interface TeacherPlain {
  name: string
  idNumber: string | null
  finding: string
  handlingDetail: string
}

/** A text with the teacher's name and ID number in their masked forms (张** , 210102********1235). */
export function maskForLists(text: string, t: { name: string; idNumber: string | null }): string {
  const map = new Map<string, string>([[t.name.trim(), maskName(t.name)]])
  if (t.idNumber) map.set(t.idNumber, maskIdNumberRegion(t.idNumber))
  return maskLongNumbers(replaceTerms(text, map))
}

export function sealTeacher(
  cipher: PersonalDataCipher,
  t: TeacherPlain,
): Pick<
  EthicsCaseRow,
  | 'teacher_name_enc'
  | 'teacher_name_mask'
  | 'teacher_public_name'
  | 'teacher_id_enc'
  | 'teacher_id_mask'
  | 'teacher_id_hash'
  | 'teacher_name_hash'
  | 'finding_enc'
  | 'finding_mask'
  | 'handling_detail'
> {
  const name = t.name.trim()
  const id = t.idNumber ? normaliseId(t.idNumber) : null
  return {
    teacher_name_enc: cipher.encrypt(name),
    teacher_name_mask: maskName(name),
    teacher_public_name: publicName(name),
    teacher_id_enc: id ? cipher.encrypt(id) : null,
    teacher_id_mask: id ? maskIdNumberRegion(id) : null,
    teacher_id_hash: id ? idHash(cipher, id) : null,
    teacher_name_hash: nameHash(cipher, name),
    finding_enc: cipher.encrypt(t.finding),
    finding_mask: maskForLists(t.finding, { name, idNumber: id }),
    // The handling note is short and not sealed: the teacher's name in it is stored masked.
    handling_detail: maskForLists(t.handlingDetail, { name, idNumber: id }),
  }
}

export const idHash = (cipher: PersonalDataCipher, id: string) =>
  cipher.lookupHash(`teacher-id:${normaliseId(id)}`)

/** The clear values of a case (in memory only: for the allowed full view and for re-sealing). */
export function openTeacher(cipher: PersonalDataCipher, r: EthicsCaseRow): TeacherPlain {
  return {
    name: r.teacher_name_enc ? cipher.decrypt(r.teacher_name_enc) : r.teacher_name_mask,
    idNumber: r.teacher_id_enc ? cipher.decrypt(r.teacher_id_enc) : null,
    finding: r.finding_enc ? cipher.decrypt(r.finding_enc) : r.finding_mask,
    handlingDetail: r.handling_detail,
  }
}

export function summaryOf(
  t: TeacherPlain,
  c: {
    school: SummaryUnit
    regions: readonly SummaryUnit[]
    violationType: string
    occurredOn: string
    handling: Handling
  },
): string {
  return publicSummary({
    teacherName: t.name,
    teacherIdNumber: t.idNumber,
    school: c.school,
    regions: c.regions,
    violationType: c.violationType,
    occurredOn: c.occurredOn,
    finding: t.finding,
    handling: c.handling,
    // A stored note carries the masked name (张**): the publication names him 张某 throughout.
    handlingDetail: replaceTerms(t.handlingDetail, new Map([[maskName(t.name), publicName(t.name)]])),
  })
}
