/** Checks a unit's fields against its kind and parent; shared by create, edit, move and import. */
import {
  allowedParentKinds,
  codeKindFor,
  isRegionKind,
  type OrgKind,
  validateRegionCode,
  validateSchoolCode,
} from '../../../domain/org/codes.js'
import type { Tx } from '../../context.js'
import { AppError, type FieldError, invalid } from '../../http/errors.js'
import { findLiveByCode, type OrgUnitRow } from './repository.js'

const KIND_ZH: Record<OrgKind, string> = {
  province: '省',
  city: '市',
  county: '区县',
  school: '学校',
  kindergarten: '幼儿园',
  university: '高校',
  department: '处室',
}

export function kindLabel(kind: string): string {
  return KIND_ZH[kind as OrgKind] ?? kind
}

export interface UnitFields {
  kind: OrgKind
  code: string | null
  stage: string | null
}

/** Field errors for a unit placed under `parent`; empty when valid. */
export function checkUnit(u: UnitFields, parent: OrgUnitRow | null): FieldError[] {
  const errors: FieldError[] = []
  if (parent) {
    if (!allowedParentKinds(u.kind).includes(parent.kind as OrgKind)) {
      errors.push({
        field: 'parentId',
        key: 'org_parent_kind',
        params: {
          kind: kindLabel(u.kind),
          parentKind: kindLabel(parent.kind),
          kindEn: u.kind,
          parentKindEn: parent.kind,
        },
      })
    }
  }
  const codeKind = codeKindFor(u.kind)
  if (u.code) {
    if (codeKind === 'region' && isRegionKind(u.kind)) {
      const parentCode =
        parent && isRegionKind(parent.kind as OrgKind) ? (parent.code ?? undefined) : undefined
      const e = validateRegionCode(u.code, u.kind, parentCode)
      if (e) errors.push({ field: 'code', key: e.key, params: e.params })
    } else if (codeKind === 'school') {
      const e = validateSchoolCode(u.code)
      if (e) errors.push({ field: 'code', key: e.key, params: e.params })
    }
  }
  if (u.stage && u.kind !== 'school') errors.push({ field: 'stage', key: 'org_stage_only_school' })
  return errors
}

export async function assertCodeFree(db: Tx, code: string | null, selfId?: number): Promise<void> {
  if (!code) return
  const taken = await findLiveByCode(db, code)
  if (taken && taken.id !== selfId) {
    throw new AppError(409, 'conflict', {}, [
      { field: 'code', key: 'org_code_taken', params: { code, name: taken.name } },
    ])
  }
}

export function throwIfAny(errors: FieldError[]): void {
  if (errors.length) throw invalid(errors)
}
