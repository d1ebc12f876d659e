/** What the public summary needs of a case's school: its name and the regions above it. */
import type { SummaryUnit } from '../../../domain/rectification/public-summary.js'
import type { Tx } from '../../context.js'
import { unitWithAncestors } from './repository.js'

export async function schoolTerms(
  trx: Tx,
  schoolId: number,
): Promise<{ school: SummaryUnit; regions: SummaryUnit[] }> {
  const found = await unitWithAncestors(trx, schoolId)
  if (!found) return { school: { name: '' }, regions: [] }
  return {
    school: { name: found.unit.name, shortName: found.unit.short_name },
    regions: found.above.map((u) => ({ name: u.name, shortName: u.short_name })),
  }
}
