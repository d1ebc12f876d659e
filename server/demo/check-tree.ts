/**
 * Structural checks over a generated tree, the same rules the org module enforces on input: a
 * seeder can run them before writing, and the tests run them over every scale and seed.
 */
import {
  allowedParentKinds,
  codeKindFor,
  isRegionKind,
  validateRegionCode,
  validateSchoolCode,
} from '../../domain/org/codes.js'
import { shortName } from '../../domain/org/short-name.js'
import type { DemoOrgUnit } from './types.js'

const OWNED_KINDS: ReadonlySet<string> = new Set(['school', 'kindergarten', 'university'])

/** Every broken rule as a readable line; an empty list means the tree is sound. */
export function treeProblems(units: readonly DemoOrgUnit[]): string[] {
  const problems: string[] = []
  const byRef = new Map<string, DemoOrgUnit>()
  const codes = new Map<string, string>()
  const names = new Map<string, string>()
  const siblings = new Map<string | null, number[]>()

  for (const unit of units) {
    const at = `${unit.ref} ${unit.name}`
    if (byRef.has(unit.ref)) problems.push(`${at}: duplicate ref`)
    const parent = unit.parentRef === null ? undefined : byRef.get(unit.parentRef)
    if (unit.parentRef !== null && parent === undefined)
      problems.push(`${at}: parent ${unit.parentRef} not before it`)
    const allowed = allowedParentKinds(unit.kind)
    if (unit.parentRef === null && allowed.length > 0)
      problems.push(`${at}: a ${unit.kind} cannot be the root`)
    if (parent !== undefined && !allowed.includes(parent.kind)) {
      problems.push(`${at}: a ${unit.kind} cannot sit under a ${parent.kind}`)
    }

    if (codeKindFor(unit.kind) === null) {
      if (unit.code !== null) problems.push(`${at}: a ${unit.kind} has no code`)
    } else if (unit.code === null) {
      problems.push(`${at}: code missing`)
    } else {
      const error = isRegionKind(unit.kind)
        ? validateRegionCode(unit.code, unit.kind, parent?.code ?? undefined)
        : validateSchoolCode(unit.code)
      if (error !== null) problems.push(`${at}: ${error.key} ${JSON.stringify(error.params)}`)
      const holder = codes.get(unit.code)
      if (holder !== undefined) problems.push(`${at}: code ${unit.code} also used by ${holder}`)
      codes.set(unit.code, at)
    }

    // Departments repeat from bureau to bureau (every bureau has an 办公室); everything else is unique.
    const nameKey = unit.kind === 'department' ? `${unit.parentRef}/${unit.name}` : unit.name
    const namesake = names.get(nameKey)
    if (namesake !== undefined) problems.push(`${at}: name also used by ${namesake}`)
    names.set(nameKey, at)

    if (unit.shortName !== shortName(unit.name, unit.kind))
      problems.push(`${at}: short name ${unit.shortName}`)
    if ((unit.kind === 'school') !== (unit.stage !== null))
      problems.push(`${at}: stage ${unit.stage} on a ${unit.kind}`)
    if (OWNED_KINDS.has(unit.kind) !== (unit.ownership !== null))
      problems.push(`${at}: ownership ${unit.ownership}`)
    if (OWNED_KINDS.has(unit.kind) && !(unit.pupils !== undefined && unit.pupils > 0))
      problems.push(`${at}: pupils`)
    if (unit.inclusive && unit.kind !== 'kindergarten') problems.push(`${at}: inclusive on a ${unit.kind}`)
    if (unit.kind === 'kindergarten' && unit.ownership === 'public' && !unit.inclusive) {
      problems.push(`${at}: a public kindergarten is inclusive (普惠) by definition`)
    }

    const order = siblings.get(unit.parentRef) ?? []
    order.push(unit.sortOrder)
    siblings.set(unit.parentRef, order)
    byRef.set(unit.ref, unit)
  }

  for (const [parentRef, order] of siblings) {
    if (order.some((n, i) => n !== i + 1)) problems.push(`children of ${parentRef}: sortOrder is not 1…n`)
  }
  return problems
}
