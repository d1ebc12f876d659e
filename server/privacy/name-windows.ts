/**
 * Candidate names in a text, by their lookup hashes: every run of 2–5 Han characters (Chinese
 * names are two to four characters, five with a rare compound), hashed as `nameHash` hashes a
 * stored name. A caller asks the database which hashes are names in scope and masks those windows,
 * so no stored name is ever decrypted for it. Returns null when a text holds too many distinct
 * windows to hash quickly (a caller then falls back to reading the names).
 */
import { nameHash, type PersonalDataCipher } from './personal-data.js'

const HAN = /\p{Script=Han}+/gu

export function nameCandidates(
  cipher: Pick<PersonalDataCipher, 'lookupHash'>,
  text: string,
  maxDistinct = 200_000,
): Map<string, string> | null {
  const windows = new Set<string>()
  for (const m of text.matchAll(HAN)) {
    const run = [...m[0]]
    for (let i = 0; i < run.length; i++)
      for (let n = 2; n <= 5 && i + n <= run.length; n++) {
        windows.add(run.slice(i, i + n).join(''))
        if (windows.size > maxDistinct) return null
      }
  }
  const out = new Map<string, string>()
  for (const w of windows) out.set(nameHash(cipher, w), w)
  return out
}

/**
 * The names among `candidates` that a lookup finds, asking for the hashes in batches (SQLite takes
 * at most 32,766 parameters a statement). `lookup` returns the stored hashes among those it is given.
 */
export async function namesFound(
  candidates: Map<string, string>,
  lookup: (hashes: string[]) => Promise<(string | null)[]>,
  batch = 5_000,
): Promise<string[]> {
  const hashes = [...candidates.keys()]
  const found = new Set<string>()
  for (let i = 0; i < hashes.length; i += batch)
    for (const h of await lookup(hashes.slice(i, i + batch))) {
      const name = h ? candidates.get(h) : undefined
      if (name) found.add(name)
    }
  return [...found]
}
