/**
 * Turning a parsed ledger row into a case: its county, category, demand and responsible unit
 * found in the database (or in the user's mapping), its status translated to our stages. Unknown
 * values are errors for that row and column; nothing is guessed.
 */
import { maskName } from '../../../domain/privacy/mask.js'
import { type Actor, type Tx, todayInChina } from '../../context.js'
import { idNumberProblem } from '../../spreadsheet/parse-id.js'
import type { ImportMapping } from './import-cases.js'
import type { PetitionImportRow } from './import-spec.js'
import type { PersonPlain } from './people.js'
import type { PetitionCategoryTable } from './tables.js'

type Unit = { id: number; path: string; kind: string; name: string; short_name: string }
type Category = Omit<PetitionCategoryTable, 'id'> & { id: number }

export interface ImportContext {
  units: Unit[]
  categories: Category[]
  today: string
}

export async function loadImportContext(db: Tx, actor: Actor, now: Date): Promise<ImportContext> {
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'path', 'kind', 'name', 'short_name'])
    .where('path', 'like', `${actor.scopePath}%`)
    .where('voided_at', 'is', null)
    .where('kind', 'in', ['province', 'city', 'county', 'department'])
    .execute()
  const categories = (await db
    .selectFrom('petition_categories')
    .selectAll()
    .where('voided_at', 'is', null)
    .execute()) as Category[]
  return { units, categories, today: todayInChina(now) }
}

export interface Resolved {
  excelRow: number
  caseNo: string
  receivedOn: string
  channel: string
  kind: string
  groupSize: number | null
  categoryId: number
  demandId: number
  demandName: string
  summary: string
  orgUnit: Unit
  countyId: number | null
  level: string
  responsible: Unit
  leader: string | null
  regionLeader: string | null
  status: string
  acceptedOn: string | null
  closedOn: string | null
  person: PersonPlain
  petitionerMask: string
  idWarning?: string
}

const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')
/** 和平区教育局 → 和平区: ledgers name the bureau, the org tree the area. */
const stripBureau = (s: string) => key(s).replace(/(教育局|教育和体育局|教体局|教育委员会|教委)$/, '')

const STATUS: Record<string, string> = {
  已办结: 'replied',
  办理中: 'handling',
  已受理: 'handling',
  延期办理: 'extended',
  已登记: 'registered',
  不予受理: 'not_accepted',
}

type Report = (field: string, key: string, params?: Record<string, unknown>) => void

/**
 * Ledgers repeat a few dozen names (counties, units, categories) over 100,000 rows: each distinct
 * text is looked up once. Bounded, for a file where every row names something new.
 */
function remembered<T>(): (key: string, look: () => T) => T {
  const seen = new Map<string, T>()
  return (key, look) => {
    if (seen.has(key)) return seen.get(key) as T
    if (seen.size >= 10_000) seen.clear()
    const found = look()
    seen.set(key, found)
    return found
  }
}

export function buildResolver(ctx: ImportContext, mapping: ImportMapping) {
  const unitsByName = new Map<string, Unit[]>()
  for (const u of ctx.units)
    for (const n of new Set([key(u.name), key(u.short_name), stripBureau(u.name)]))
      unitsByName.set(n, [...(unitsByName.get(n) ?? []), u])
  const findUnit = (text: string, kinds?: string[]) => {
    const hits = (unitsByName.get(key(text)) ?? unitsByName.get(stripBureau(text)) ?? []).filter(
      (u) => !kinds || kinds.includes(u.kind),
    )
    return hits.length === 1 ? hits[0] : undefined
  }
  const counties = remembered<Unit | undefined>()
  const units = remembered<Unit | undefined>()
  const tops = ctx.categories.filter((c) => c.parent_id === null)
  const namesOf = new Map(
    ctx.categories.map((c) => [c, [c.name, ...(JSON.parse(c.synonyms) as string[])].map(key)]),
  )
  const matches = (c: Category, text: string) => {
    const k = key(text)
    return (namesOf.get(c) ?? []).some((n) => n === k || n === `${k}类` || `${n}类` === k)
  }
  const categories = remembered<Category | undefined>()
  const category = (text: string) =>
    categories(text, () => {
      const mapped = mapping.categories[text]
      if (mapped) return tops.find((c) => c.id === mapped)
      const hits = tops.filter((c) => matches(c, text))
      return hits.length === 1 ? hits[0] : undefined
    })
  const demand = (cat: Category, text: string): Category | undefined => {
    const children = ctx.categories.filter((c) => c.parent_id === cat.id)
    const hits = children.filter((c) => matches(c, text))
    return hits.length === 1 ? hits[0] : undefined
  }
  const demands = remembered<Category | undefined>()
  // Cell texts never hold U+0000 (XML cannot carry it), so it separates the parts of the key.
  const demandOf = (rawCategory: string, cat: Category, text: string) =>
    demands(`${cat.id}\u0000${rawCategory}\u0000${text}`, () => {
      const mapped = mapping.demands[`${rawCategory}/${text}`]
      if (mapped) return ctx.categories.find((c) => c.id === mapped && c.parent_id === cat.id)
      return demand(cat, text)
    })

  function row(excelRow: number, r: PetitionImportRow, report: Report): Resolved | null {
    let ok = true
    const fail: Report = (field, k, params) => {
      ok = false
      report(field, k, params)
    }
    if (r.received > ctx.today) fail('received', 'petition_received_future')
    const county = counties(r.county, () => findUnit(r.county, ['county']))
    if (!county) fail('county', 'petition_unknown_county', { value: r.county })
    const cat = category(r.category)
    if (!cat) fail('category', 'petition_unknown_category', { value: r.category })
    const dem = cat ? demandOf(r.category, cat, r.demand) : undefined
    if (cat && !dem) fail('demand', 'petition_unknown_demand', { value: r.demand, category: cat.name })
    const unit = r.unit
    const responsible = unit ? units(unit, () => findUnit(unit)) : county
    if (r.unit && !responsible) fail('unit', 'not_found')
    if (!ok || !county || !cat || !dem || !responsible) return null

    let idNumber: string | null = r.idNumber ? r.idNumber.trim().toUpperCase() : null
    let idWarning: string | undefined
    if (idNumber) {
      const problem = r.idFromNumber ? 'id_number_mangled' : idNumberProblem(idNumber, ctx.today)
      if (problem) {
        idWarning = problem === 'id_number_mangled' ? 'petition_id_untrusted' : problem
        idNumber = null
      }
    }
    const status = STATUS[r.status] ?? 'handling'
    const level =
      r.level ??
      (responsible.kind === 'county' ? 'county' : responsible.kind === 'school' ? 'school' : 'city')
    return {
      excelRow,
      caseNo: r.caseNo,
      receivedOn: r.received,
      channel: r.channel,
      kind: r.kind ?? 'claim',
      groupSize: r.group ? 5 : null,
      categoryId: cat.id,
      demandId: dem.id,
      demandName: dem.name,
      summary: r.summary ?? '',
      orgUnit: county,
      countyId: county.id,
      level,
      responsible,
      leader: r.leader,
      regionLeader: r.regionLeader,
      status,
      acceptedOn: r.accepted,
      closedOn: status === 'replied' || status === 'not_accepted' ? (r.closed ?? r.received) : null,
      person: {
        name: r.name,
        idNumber,
        idUntrusted: idWarning !== undefined,
        phone: r.phone,
        address: r.address,
      },
      petitionerMask: maskName(r.name),
      ...(idWarning ? { idWarning } : {}),
    }
  }

  return { category, demand: demandOf, row }
}
