/**
 * Petitioners' personal data: normalised, encrypted, masked and hashed on the way in; decrypted
 * only for users allowed to see it (and that view is audited by the caller).
 */
import { maskIdNumberRegion, maskName, maskPhone } from '../../../domain/privacy/mask.js'
import { nameHash, type PersonalDataCipher } from '../../privacy/personal-data.js'
import { idNumberProblem } from '../../spreadsheet/parse-id.js'
import type { PetitionPersonTable } from './tables.js'

export interface PersonPlain {
  name: string
  idNumber?: string | null | undefined
  /** Set when the ledger's ID cell could not be trusted (Excel float): kept empty, flagged. */
  idUntrusted?: boolean
  phone?: string | null | undefined
  address?: string | null | undefined
}

export const normaliseId = (s: string) => s.trim().toUpperCase()
export const normalisePhone = (s: string) => s.replace(/[\s\-–—()（）]+/g, '').replace(/^(\+?86|0086)/, '')

/** Problem key of an ID number typed into the form, or null. */
export function idProblem(id: string, today: string): string | null {
  return idNumberProblem(normaliseId(id), today)
}

export function sealPerson(
  cipher: PersonalDataCipher,
  caseId: number,
  seq: number,
  role: 'petitioner' | 'representative',
  p: PersonPlain,
): Omit<PetitionPersonTable, 'id'> {
  const id = p.idNumber ? normaliseId(p.idNumber) : null
  const phone = p.phone ? normalisePhone(p.phone) : null
  return {
    case_id: caseId,
    seq,
    role,
    name_enc: cipher.encrypt(p.name.trim()),
    name_mask: maskName(p.name),
    name_hash: nameHash(cipher, p.name),
    id_enc: id ? cipher.encrypt(id) : null,
    id_mask: id ? maskIdNumberRegion(id) : null,
    id_hash: id ? cipher.lookupHash(`id:${id}`) : null,
    id_untrusted: p.idUntrusted ? 1 : 0,
    phone_enc: phone ? cipher.encrypt(phone) : null,
    phone_mask: phone ? maskPhone(phone) : null,
    phone_hash: phone ? cipher.lookupHash(`phone:${phone}`) : null,
    address_enc: p.address ? cipher.encrypt(p.address.trim()) : null,
  }
}

export function lookupHashes(
  cipher: PersonalDataCipher,
  q: { idNumber?: string | undefined; phone?: string | undefined },
) {
  return {
    idHash: q.idNumber ? cipher.lookupHash(`id:${normaliseId(q.idNumber)}`) : undefined,
    phoneHash: q.phone ? cipher.lookupHash(`phone:${normalisePhone(q.phone)}`) : undefined,
  }
}

type PersonRow = Omit<PetitionPersonTable, 'id'>

export function presentPersonMasked(r: PersonRow) {
  return {
    seq: r.seq,
    role: r.role,
    name: r.name_mask,
    idNumber: r.id_mask,
    idUntrusted: r.id_untrusted === 1,
    phone: r.phone_mask,
    // An address is shown only in full view: a masked address says nothing useful.
    address: r.address_enc ? '***' : null,
  }
}

export function presentPersonFull(cipher: PersonalDataCipher, r: PersonRow) {
  const open = (v: string | null) => (v ? cipher.decrypt(v) : null)
  return {
    seq: r.seq,
    role: r.role,
    name: open(r.name_enc) ?? r.name_mask,
    idNumber: open(r.id_enc),
    idUntrusted: r.id_untrusted === 1,
    phone: open(r.phone_enc),
    address: open(r.address_enc),
  }
}
