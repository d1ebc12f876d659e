/**
 * Short names of regions (沈阳市 → 沈阳), as people write them in reports. The redaction term list needs
 * both forms, because the seed masks "沈阳" as readily as "沈阳市".
 */
import type { OrgKind } from './codes.js'

/** Longest first, so 自治区 wins over 区 and 地区 over 区. */
const REGION_SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '林区',
  '特区',
  '新区',
  '省',
  '市',
  '区',
  '县',
  '盟',
  '旗',
] as const

const AUTONOMOUS_SUFFIXES: ReadonlySet<string> = new Set(['自治区', '自治州', '自治县', '自治旗'])

/**
 * Ethnic groups named in autonomous-area names. Multi-character names also appear without 族
 * (新疆维吾尔自治区, 伊犁哈萨克自治州); single-character ones only with it, so 白山 or 水城 are never cut.
 */
const ETHNIC_BASES = [
  '朝鲜',
  '蒙古',
  '维吾尔',
  '土家',
  '布依',
  '哈尼',
  '傈僳',
  '拉祜',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '达斡尔',
  '仫佬',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '哈萨克',
  '壮',
  '回',
  '藏',
  '苗',
  '彝',
  '侗',
  '瑶',
  '白',
  '傣',
  '黎',
  '佤',
  '畲',
  '水',
  '土',
  '羌',
  '怒',
  '京',
  '满',
]

const ETHNIC_TOKENS: readonly string[] = ETHNIC_BASES.flatMap((base) =>
  base.length > 1 ? [`${base}族`, base] : [`${base}族`],
).sort((a, b) => b.length - a.length)

const LONG_NAMED_KINDS: ReadonlySet<OrgKind> = new Set(['school', 'kindergarten', 'university', 'department'])

/**
 * The customary short name of a region: the administrative suffix and, for autonomous areas, the
 * ethnic groups are dropped. Never returns a single character (城区 stays 城区, 沙市区 → 沙市), and
 * schools, universities and departments keep their full names: their short forms are not unique.
 */
export function shortName(name: string, kind: OrgKind): string {
  if (LONG_NAMED_KINDS.has(kind)) return name
  const suffix = REGION_SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length)
  if (suffix === undefined) return name
  let stem = name.slice(0, -suffix.length)
  if (AUTONOMOUS_SUFFIXES.has(suffix)) stem = stripEthnicGroups(stem)
  return [...stem].length >= 2 ? stem : name
}

/**
 * Drops trailing ethnic-group names (湘西土家族苗族 → 湘西); keeps the group's name when nothing
 * else is left (东乡族 → 东乡).
 */
function stripEthnicGroups(stem: string): string {
  let rest = stem
  for (;;) {
    const token = ETHNIC_TOKENS.find((t) => rest.endsWith(t))
    if (token === undefined) return rest
    const shorter = rest.slice(0, -token.length)
    if ([...shorter].length >= 2) {
      rest = shorter
      continue
    }
    if (shorter.length === 0 && token.endsWith('族') && [...token].length >= 3) return token.slice(0, -1)
    return rest
  }
}

/** What redaction needs from a unit; `shortName` is computed when absent. */
export interface RedactableUnit {
  name: string
  kind: OrgKind
  shortName?: string
}

/**
 * The terms the publication copy masks for a unit: its full name and its short name, longest first so
 * a masker that replaces in order never leaves half of a longer term. A county's 区/县/市 form is its
 * full name, so no variants are generated.
 */
export function redactionTerms(unit: RedactableUnit): string[] {
  const short = unit.shortName ?? shortName(unit.name, unit.kind)
  const terms = new Set([unit.name.trim(), short.trim()].filter((t) => [...t].length >= 2))
  return [...terms].sort((a, b) => b.length - a.length)
}
