/**
 * 重复信访: earlier cases of the same person (keyed hash of ID number or phone) and cases whose
 * demand reads alike (jieba words, Jaccard), suggested while a case is being registered.
 */
import { jaccard } from '../../../domain/petitions/similarity.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { lookupHashes } from './people.js'
import { casesOfPerson, visibleTo } from './repository.js'
import { tokenize } from './tokens.js'

const THRESHOLD = 0.3

export async function similarCases(
  ctx: Ctx,
  q: {
    idNumber?: string | undefined
    phone?: string | undefined
    demandId?: number | undefined
    summary?: string | undefined
  },
) {
  authorize(ctx.actor, 'petition.write')
  const mine = new Set((await casesOfPerson(ctx.db, lookupHashes(ctx.personal, q))).map((r) => r.case_id))
  const words = q.summary ? tokenize(q.summary) : []
  let sql = ctx.db
    .selectFrom('petition_cases')
    .innerJoin('petition_categories as dem', 'dem.id', 'petition_cases.demand_id')
    .select([
      'petition_cases.id',
      'petition_cases.case_no',
      'petition_cases.received_on',
      'petition_cases.status',
      'petition_cases.tokens',
      'dem.name as demand',
    ])
    .where(visibleTo(ctx.actor))
    .where('petition_cases.voided_at', 'is', null)
  const ors: number[] = [...mine]
  if (ors.length === 0 && !q.demandId) return { items: [] }
  sql = sql.where((eb) =>
    eb.or([
      ...(ors.length > 0 ? [eb('petition_cases.id', 'in', ors)] : []),
      // Same demand, recent: the pool the word similarity ranks.
      ...(q.demandId ? [eb('petition_cases.demand_id', '=', q.demandId)] : []),
    ]),
  )
  const rows = await sql.orderBy('petition_cases.received_on', 'desc').limit(500).execute()
  const items = rows
    .map((r) => {
      const samePerson = mine.has(r.id)
      const score = words.length > 0 ? jaccard(words, r.tokens.split(' ').filter(Boolean)) : 0
      return {
        id: r.id,
        caseNo: r.case_no,
        receivedOn: r.received_on,
        demand: r.demand,
        status: r.status as never,
        score: Math.round(score * 100) / 100,
        samePerson,
        final: r.status === 'final',
      }
    })
    // The same person always counts; a stranger only with a demand that reads alike.
    .filter((x) => x.samePerson || x.score >= THRESHOLD)
    .sort((a, b) => Number(b.samePerson) - Number(a.samePerson) || b.score - a.score)
    .slice(0, 10)
  return { items }
}
