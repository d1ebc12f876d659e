/**
 * Personal mode (个人信息脱敏), for text that leaves the system with people in it (DOMAIN.md
 * "Redaction", the hutool conventions): ID numbers keep the first character and the last two,
 * mobile numbers the first three and last four, and each known name keeps its surname. Unlike the
 * publication copy, figures stay: this copy is for colleagues, not for the public.
 */
import { AhoCorasick } from '@monyone/aho-corasick/greedy'
import { maskIdNumber, maskName, maskPhone } from '../privacy/mask.js'

// An 18-character resident ID (17 digits and a digit or X), or an old 15-digit one, standing alone.
const ID = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g
// A mainland mobile number, optionally written with +86, standing alone.
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d{9})(?!\d)/g

export function personalMasker(names: Iterable<string>): { mask(text: string): string } {
  const clean = [...new Set([...names].map((n) => n.trim()).filter((n) => [...n].length >= 2))]
  const matcher = clean.length > 0 ? new AhoCorasick(clean) : null
  return {
    mask(text: string): string {
      let out = text
        .replace(ID, (id) => maskIdNumber(id))
        .replace(MOBILE, (m, phone: string) => m.replace(phone, maskPhone(phone)))
      if (matcher) {
        const parts: string[] = []
        let at = 0
        for (const hit of matcher.matchInText(out)) {
          parts.push(out.slice(at, hit.begin), maskName(hit.keyword))
          at = hit.end
        }
        parts.push(out.slice(at))
        out = parts.join('')
      }
      return out
    },
  }
}
