/**
 * Org-unit kinds and the code rules that go with them. Pure and IO-free so the server (validation on
 * create/move/import), the demo generator and the web form all apply one set of rules.
 *
 * Region codes follow GB/T 2260 (行政区划代码): six digits, two each for province, city and county.
 * School codes are the ministry's 10-digit 学校标识码; only the length and digits are checked, since
 * its internal layout is not published as a stable rule.
 */

export const ORG_KINDS = [
  'province',
  'city',
  'county',
  'school',
  'kindergarten',
  'university',
  'department',
] as const
export type OrgKind = (typeof ORG_KINDS)[number]

/**
 * Stages of a school (kindergartens and universities have none). One-through schools (nine-year,
 * complete secondary, twelve-year) are split by pupil weights when balance indicators are computed.
 */
export const SCHOOL_STAGES = [
  'primary',
  'junior',
  'senior',
  'nine_year',
  'complete_secondary',
  'twelve_year',
] as const
export type SchoolStage = (typeof SCHOOL_STAGES)[number]

export type RegionKind = 'province' | 'city' | 'county'

/** A failed check, as an i18n key (see server/http/i18n.ts) with its message parameters. */
export interface CodeError {
  key: 'org_code_region' | 'org_code_region_parent' | 'org_code_school'
  params: Record<string, string>
}

/**
 * GB/T 2260 province-level prefixes: 11–15 north, 21–23 north-east, 31–37 east, 41–46 centre-south,
 * 50–54 south-west, 61–65 north-west, 71 Taiwan, 81–82 Hong Kong and Macao.
 */
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82'],
])

const SIX_DIGITS = /^\d{6}$/
const TEN_DIGITS = /^\d{10}$/

/**
 * Checks a region code against its level and, when given, its parent's code.
 * A county may sit directly under a province (省直辖县级行政单位 such as 济源 419001); then only the
 * province digits must match. Whether the parent is a province is read from its code (`PP0000`).
 */
export function validateRegionCode(code: string, kind: RegionKind, parentCode?: string): CodeError | null {
  const shapeError: CodeError = { key: 'org_code_region', params: { code } }
  if (!SIX_DIGITS.test(code)) return shapeError
  const pp = code.slice(0, 2)
  const cc = code.slice(2, 4)
  const xx = code.slice(4, 6)
  if (!PROVINCE_PREFIXES.has(pp)) return shapeError
  const shapeOk =
    kind === 'province'
      ? cc === '00' && xx === '00'
      : kind === 'city'
        ? cc !== '00' && xx === '00'
        : cc !== '00' && xx !== '00'
  if (!shapeOk) return shapeError
  if (parentCode === undefined || kind === 'province') return null

  const parentIsProvince = parentCode.endsWith('0000')
  const prefixLength = kind === 'city' || parentIsProvince ? 2 : 4
  if (code.slice(0, prefixLength) === parentCode.slice(0, prefixLength)) return null
  return { key: 'org_code_region_parent', params: { code, parent: parentCode } }
}

/** A 学校标识码 is exactly 10 digits. */
export function validateSchoolCode(code: string): CodeError | null {
  return TEN_DIGITS.test(code) ? null : { key: 'org_code_school', params: { code } }
}

const PARENT_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  province: [],
  city: ['province'],
  county: ['city', 'province'],
  school: ['county', 'city'],
  kindergarten: ['county', 'city'],
  university: ['city', 'province'],
  // A bureau department (处室) belongs to the bureau, and the region unit stands for its bureau.
  department: ['province', 'city', 'county'],
}

/** Kinds a unit of `kind` may sit under; empty for the province, which is the root. */
export function allowedParentKinds(kind: OrgKind): readonly OrgKind[] {
  return PARENT_KINDS[kind]
}

/** Provinces, cities and counties: the kinds that carry a GB/T 2260 region code. */
export function isRegionKind(kind: OrgKind): kind is RegionKind {
  return kind === 'province' || kind === 'city' || kind === 'county'
}

/** Which code rule applies to a kind: region (GB/T 2260), school (学校标识码), or none for departments. */
export function codeKindFor(kind: OrgKind): 'region' | 'school' | null {
  if (isRegionKind(kind)) return 'region'
  if (kind === 'department') return null
  return 'school'
}
