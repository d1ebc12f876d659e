/**
 * Masking personal data in exports (common practice, as in hutool's DesensitizedUtil):
 * names keep the surname, mobiles keep the first 3 and last 4, ID numbers the first 1 and last 2.
 */

/** 张三 → 张*, 张三丰 → 张**; compound surnames are not guessed (欧阳修 → 欧**). */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return chars.join('')
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`
}

/** 13812341234 → 138****1234; other numbers keep their last 4 only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  if (digits.length <= 4) return '*'.repeat(digits.length)
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`
}

/** 210102198503151234 → 2***************34. */
export function maskIdNumber(id: string): string {
  const s = id.trim()
  if (s.length < 4) return '*'.repeat(s.length)
  return `${s[0]}${'*'.repeat(s.length - 3)}${s.slice(-2)}`
}

/**
 * 210102198503151234 → 210102********1234: the region code (where a case belongs) and the last 4
 * (what a caller reads out to confirm identity), the form petition offices use.
 */
export function maskIdNumberRegion(id: string): string {
  const s = id.trim()
  if (s.length < 11) return maskIdNumber(s)
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`
}
