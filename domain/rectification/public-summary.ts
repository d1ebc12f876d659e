/**
 * The public summary of a published teacher-ethics case (师德师风典型案例通报). It follows the
 * publication rules of DOMAIN.md:
 * - the teacher is named by surname + 某 (张三丰 → 张某, 欧阳明远 → 欧阳某), the way bureaus publish
 *   typical cases; the given name alone is masked too wherever the finding repeats it;
 * - the school's own name becomes one `*` per character and only its kind stays
 *   (示例市第三中学 → *****中学), so readers learn what kind of school, not which;
 * - every other sensitive term (the regions above the school, full and short names, and any
 *   term a reviewer adds) becomes one `*` per character (和平区 → ***, 示例 → **);
 * - an ID number, or any run of 15 or more digits, never appears: one `*` per character.
 * Chinese numerals, dates and amounts stay: a typical case is published to be read.
 */

export const HANDLINGS = ['warning', 'demerit', 'demotion', 'dismissal', 'other'] as const
export type Handling = (typeof HANDLINGS)[number]

export const HANDLING_LABELS: Record<Handling, { zh: string; en: string }> = {
  warning: { zh: '警告', en: 'Warning' },
  demerit: { zh: '记过', en: 'Demerit' },
  demotion: { zh: '降级', en: 'Demotion' },
  dismissal: { zh: '开除', en: 'Dismissal' },
  other: { zh: '其他处理', en: 'Other' },
}

/** Two-character surnames (复姓) common enough to meet in a school's staff list. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '赫连',
  '钟离',
  '宗政',
  '淳于',
  '单于',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '万俟',
  '闻人',
  '百里',
  '东郭',
])

/** The surname of a Chinese name (a two-character one when it is a known 复姓 and more follows). */
export function surnameOf(name: string): string {
  const chars = [...name.trim()]
  const two = chars.slice(0, 2).join('')
  if (chars.length > 2 && COMPOUND_SURNAMES.has(two)) return two
  return chars[0] ?? ''
}

/** 张三丰 → 张某; 欧阳明远 → 欧阳某; a one-character name → 某. */
export function publicName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return '某'
  return `${surnameOf(name)}某`
}

/** Kinds a school name ends with, longest first: they stay visible in a masked name. */
const SCHOOL_KINDS = [
  '十二年一贯制学校',
  '九年一贯制学校',
  '中等职业技术学校',
  '医学高等专科学校',
  '高等专科学校',
  '中等职业学校',
  '特殊教育学校',
  '职业技术学院',
  '职业技术学校',
  '职业学院',
  '高级中学',
  '初级中学',
  '完全中学',
  '中心小学',
  '中心幼儿园',
  '幼儿园',
  '中心校',
  '中学',
  '小学',
  '学校',
  '大学',
  '学院',
  '中专',
  '职高',
  '分校',
  '校区',
] as const

/** The kind a school's name ends with ('' when none is recognised). */
export function schoolKindOf(name: string): string {
  const n = name.trim()
  return SCHOOL_KINDS.find((k) => n.endsWith(k) && n.length > k.length) ?? ''
}

const stars = (s: string) => '*'.repeat([...s].length)

/** 示例市第三中学 → *****中学; a name with no recognisable kind is masked whole. */
export function maskSchoolName(name: string): string {
  const n = name.trim()
  const kind = schoolKindOf(n)
  return `${stars(n.slice(0, n.length - kind.length))}${kind}`
}

/**
 * Replaces every occurrence of the given terms in one left-to-right pass, the longest term
 * winning where several start at the same place; replaced text is never scanned again, so a
 * replacement cannot be half-masked by a shorter term.
 */
export function replaceTerms(text: string, replacements: ReadonlyMap<string, string>): string {
  const terms = [...replacements.keys()].filter((t) => t.length > 0).sort((a, b) => b.length - a.length)
  if (terms.length === 0) return text
  let out = ''
  let i = 0
  while (i < text.length) {
    const term = terms.find((t) => text.startsWith(t, i))
    if (term) {
      out += replacements.get(term) ?? ''
      i += term.length
    } else {
      out += text[i]
      i++
    }
  }
  return out
}

/** Runs of 15 or more digits (an ID number, 15 or 18 characters, or a bank card): all `*`. */
export function maskLongNumbers(text: string): string {
  return text.replace(/\d{14,}[\dXx]/g, (m) => '*'.repeat(m.length))
}

export interface SummaryUnit {
  name: string
  /** The customary short name (和平区 → 和平); masked as well. */
  shortName?: string | null
}

export interface PublicSummaryInput {
  teacherName: string
  teacherIdNumber?: string | null
  school: SummaryUnit
  /** The regions above the school (county, city, province): their names are masked. */
  regions: readonly SummaryUnit[]
  violationType: string
  /** YYYY-MM-DD: the summary gives the year and month. */
  occurredOn: string
  finding: string
  handling: Handling
  handlingDetail?: string | null
  /** Further terms a reviewer wants masked (a student's name, a street). */
  extraTerms?: readonly string[]
}

/** Masks a free text the way the public summary does (teacher, school, regions, extra terms). */
export function redactForPublication(text: string, input: Omit<PublicSummaryInput, 'finding'>): string {
  const map = new Map<string, string>()
  const add = (term: string | null | undefined, replacement: string) => {
    const t = term?.trim()
    if (t && [...t].length >= 1 && !map.has(t)) map.set(t, replacement)
  }
  // Longer terms win in replaceTerms whatever the order; the order here only settles equal terms.
  const name = input.teacherName.trim()
  const masked = publicName(name)
  add(name, masked)
  const given = name.slice(surnameOf(name).length)
  if ([...given].length >= 2) add(given, '某')
  add(input.teacherIdNumber ?? null, stars(input.teacherIdNumber ?? ''))
  add(input.school.name, maskSchoolName(input.school.name))
  // The school's own words, with and without the regions it starts with (示例市和平区育英 → 育英).
  const school = input.school.name.trim()
  let stem = school.slice(0, school.length - schoolKindOf(school).length)
  add(stem, stars(stem))
  const prefixes = input.regions
    .flatMap((r) => [r.name.trim(), r.shortName?.trim() ?? ''])
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length)
  for (let p = prefixes.find((x) => stem.startsWith(x)); p; p = prefixes.find((x) => stem.startsWith(x)))
    stem = stem.slice(p.length)
  if ([...stem].length >= 2) add(stem, stars(stem))
  for (const r of input.regions) {
    add(r.name, stars(r.name.trim()))
    if (r.shortName && [...r.shortName.trim()].length >= 2) add(r.shortName, stars(r.shortName.trim()))
  }
  for (const t of input.extraTerms ?? []) add(t, stars(t.trim()))
  return maskLongNumbers(replaceTerms(text, map))
}

const yearMonth = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月`

/** Strips a trailing full stop so sentences can be joined with exactly one. */
const sentence = (s: string) => s.trim().replace(/[。．.；;，,\s]+$/u, '')

/**
 * 「*****中学教师张某有偿补课问题。2026年3月，……。给予张某记过处分。」
 */
export function publicSummary(input: PublicSummaryInput): string {
  const teacher = publicName(input.teacherName)
  const school = maskSchoolName(input.school.name)
  const finding = sentence(redactForPublication(input.finding, input))
  const detail = input.handlingDetail ? sentence(redactForPublication(input.handlingDetail, input)) : ''
  // “其他” on its own reads as nothing: the summary names the rule broken.
  const kind = sentence(input.violationType)
  const parts = [`${school}教师${teacher}${kind === '其他' ? '其他违反师德规范' : kind}问题。`]
  parts.push(`${yearMonth(input.occurredOn)}，${finding}。`)
  if (input.handling === 'other') parts.push(detail ? `${detail}。` : '')
  else parts.push(`给予${teacher}${HANDLING_LABELS[input.handling].zh}处分${detail ? `，${detail}` : ''}。`)
  return parts.join('')
}
