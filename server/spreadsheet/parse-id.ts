/**
 * Chinese resident ID numbers (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence, one ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * The classic Excel accident: an 18-digit number typed into a General cell becomes a float with
 * 15 significant digits (2.10102198503151E+17) and the last three digits turn into zeros. Such a
 * value cannot be repaired, only re-entered, so it is reported as `id_number_mangled` and never
 * guessed at. Messages never echo the number: it is personal data.
 */
import { isoDate } from './parse-date.js'
import { type CellParser, fail, halfWidth, ok, type ParseResult } from './parse-result.js'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'
/** First two digits of the provincial-level divisions (incl. Taiwan 71, Hong Kong 81, Macao 82). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82,
])

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0)
  return CHECK_CHARS[sum % 11] ?? ''
}

type IdProblem =
  | 'id_number_format'
  | 'id_number_region'
  | 'id_number_date'
  | 'id_number_checksum'
  | 'id_number_mangled'

/** Validates a normalised 18-character ID; null when valid. `today` bounds the birth date. */
export function idNumberProblem(id: string, today: string): IdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'id_number_format'
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return 'id_number_region'
  const birth = isoDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))
  if (!birth || birth < '1900-01-01' || birth > today) return 'id_number_date'
  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    // Excel keeps 15 significant digits: a float that went back to text ends in "000".
    return id.endsWith('000') ? 'id_number_mangled' : 'id_number_checksum'
  }
  return null
}

let cachedDay = { until: 0, day: '' }

/** Today's date in China (UTC+8, no daylight saving since 1991), recomputed once a minute. */
function todayInChina(): string {
  const now = Date.now()
  if (now >= cachedDay.until) {
    cachedDay = { until: now + 60_000, day: new Date(now + 8 * 3_600_000).toISOString().slice(0, 10) }
  }
  return cachedDay.day
}

/** Parses an 18-character resident ID number; returns it with an upper-case X. */
export function idNumber(): CellParser<string> {
  return {
    kind: 'idNumber',
    numFmt: '@',
    format: {
      'zh-CN':
        '18 位身份证号码（最后一位可为 X）；请先把该列设为“文本”格式，否则 Excel 会把号码变成科学计数法',
      en: '18-character resident ID number (last may be X); format the column as Text first, or Excel turns it into a float',
    },
    parse(cell): ParseResult<string> {
      // Any number is a float that lost digits: 18 digits exceed the 15 Excel keeps.
      if (typeof cell === 'number') return fail(cell >= 1e15 ? 'id_number_mangled' : 'id_number_format')
      if (typeof cell !== 'string') return fail('id_number_format')
      const s = halfWidth(cell)
        .replace(/[\s'‘’]+/g, '')
        .toUpperCase()
      if (/^\d(\.\d+)?E\+?\d+$/.test(s)) return fail('id_number_mangled')
      const problem = idNumberProblem(s, todayInChina())
      return problem ? fail(problem) : ok(s)
    },
  }
}
