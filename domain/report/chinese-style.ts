/**
 * Numbers as Chinese official prose writes them (issue 6): the filters a report template uses to
 * turn an indicator's value into "3.06亿元", "1万余家", "123余万个", "二〇二三年十一月",
 * "比去年同期增加2项", "高于全国3个百分点" or "提前达到95.6%的年度目标". Pure functions of their
 * inputs; the web's figure cards use them too, so a number reads the same on screen and on paper.
 */

/** Rounds half away from zero at `decimals`, as tables are rounded by hand (2.345 → 2.35). */
export function roundHalfUp(x: number, decimals = 0): number {
  const f = 10 ** decimals
  const r = Math.round(Math.abs(x) * f + 1e-9) / f
  return x < 0 ? -r : r
}

/** A fixed number of decimals, optionally with thousands separators ("1,234.50"). */
export function fixed(x: number, decimals = 0, grouping = false): string {
  const s = roundHalfUp(x, decimals).toFixed(decimals)
  if (!grouping) return s
  const [int = '', frac] = s.split('.')
  const sign = int.startsWith('-') ? '-' : ''
  const digits = sign ? int.slice(1) : int
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`
}

/** "95.6%": a 0–100 value with one decimal (or as asked). */
export function percent(x: number, decimals = 1): string {
  return `${fixed(x, decimals)}%`
}

export type MoneyUnit = '元' | '万元' | '亿元'
const PER: Record<MoneyUnit, number> = { 元: 100, 万元: 1_000_000, 亿元: 10_000_000_000 }

/** Money stored in fen, written in 元, 万元 or 亿元 with two decimals: 306153200_00 → "3.06亿元". */
export function money(fen: number, unit: MoneyUnit = '万元', decimals = 2): string {
  return `${fixed(fen / PER[unit], decimals)}${unit}`
}

/**
 * A rounded magnitude with 余 ("more than"), as reports write large counts:
 * 12,345 → "1万余", 1,234,567 → "123余万", 356,000,000 → "3亿余", 1,234 → "1200余", 56 → "50余".
 * One leading digit takes 余 after the unit (1万余); more take it before (123余万). An exact
 * round number takes no 余 (10,000 → "1万"). Below 10 the number is written as it is.
 */
export function about(n: number): string {
  const x = Math.floor(Math.abs(n))
  const sign = n < 0 ? '-' : ''
  const scaled = (unit: number, word: string) => {
    const q = Math.floor(x / unit)
    const exact = q * unit === x
    if (exact) return `${sign}${q}${word}`
    return q < 10 ? `${sign}${q}${word}余` : `${sign}${q}余${word}`
  }
  if (x >= 100_000_000) return scaled(100_000_000, '亿')
  if (x >= 10_000) return scaled(10_000, '万')
  if (x < 10) return `${sign}${x}`
  // Hundreds and thousands: keep two leading digits (1,234 → 1200余), tens keep one (56 → 50余).
  const step = x >= 100 ? 10 ** (String(x).length - 2) : 10
  const floor = Math.floor(x / step) * step
  return floor === x ? `${sign}${x}` : `${sign}${floor}余`
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 0–99 in Chinese numerals as dates and counts write them: 11 → 十一, 27 → 二十七, 10 → 十. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`chineseNumber: ${n} is not 0–99`)
  if (n < 10) return NUMERALS[n] as string
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones === 0 ? '' : NUMERALS[ones]}`
}

/**
 * A date in Chinese numerals, as the date line of an official document: 2023-11-27 →
 * "二〇二三年十一月二十七日"; `month` precision gives "二〇二三年十一月".
 */
export function chineseDate(iso: string, precision: 'day' | 'month' | 'year' = 'day'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso)
  if (!m) throw new RangeError(`chineseDate: ${iso} is not YYYY, YYYY-MM or YYYY-MM-DD`)
  const year = `${[...(m[1] ?? '')].map((d) => DIGITS[Number(d)]).join('')}年`
  if (precision === 'year' || !m[2]) return year
  const month = `${chineseNumber(Number(m[2]))}月`
  if (precision === 'month' || !m[3]) return year + month
  return `${year}${month}${chineseNumber(Number(m[3]))}日`
}

/**
 * A change against a base in words: "增加2项", "减少0.02亿元", "持平". `shown` is the difference as
 * the prose prints it (already formatted, without its sign); the direction is decided on the
 * printed value, so a difference that rounds to nothing is 持平.
 */
export function change(delta: number, format: (abs: number) => string): string {
  const shown = format(Math.abs(delta))
  const zero = Number(shown.replace(/[^\d.]/g, '')) === 0
  if (zero) return '持平'
  return `${delta > 0 ? '增加' : '减少'}${shown}`
}

/**
 * A percentage against a benchmark in points: (87.5, 84.5, '全国') → "高于全国3个百分点";
 * below → "低于…"; equal at the printed precision → "与全国持平".
 */
export function pointsVs(value: number, benchmark: number, name: string, decimals = 1): string {
  const diff = roundHalfUp(value - benchmark, decimals)
  if (diff === 0) return `与${name}持平`
  const abs = Math.abs(diff)
  const shown = Number.isInteger(abs) ? String(abs) : fixed(abs, decimals)
  return `${diff > 0 ? '高于' : '低于'}${name}${shown}个百分点`
}

/**
 * A target in words: "提前达到95.6%的年度目标" (attained before the period's end), "达到…",
 * or "距…还差0.3个百分点" / "距…还差12项". `target` and `gap` come formatted.
 */
export function targetWording(
  status: { attained: boolean; attainedEarly: boolean },
  target: string,
  what = '年度目标',
  gap?: string,
): string {
  if (status.attainedEarly) return `提前达到${target}的${what}`
  if (status.attained) return `达到${target}的${what}`
  return gap ? `距${target}的${what}还差${gap}` : `尚未达到${target}的${what}`
}

/**
 * A period in words, as a report's opening names it: 二〇二六年, 二〇二六年上半年,
 * 二〇二六年第三季度, 二〇二六年十一月, or a range 二〇二六年一月一日至十一月三十日.
 */
export function periodWords(p: { kind: string; from: string; to: string }): string {
  const year = chineseDate(p.from, 'year')
  const month = Number(p.from.slice(5, 7))
  switch (p.kind) {
    case 'year':
      return year
    case 'half':
      return `${year}${month <= 6 ? '上' : '下'}半年`
    case 'quarter':
      return `${year}第${chineseNumber(Math.ceil(month / 3))}季度`
    case 'month':
      return chineseDate(p.from, 'month')
    default: {
      const to = chineseDate(p.to)
      // The second date drops its year when both fall in the same one.
      return `${chineseDate(p.from)}至${p.to.slice(0, 4) === p.from.slice(0, 4) ? to.slice(year.length) : to}`
    }
  }
}
