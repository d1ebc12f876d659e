/**
 * Suggested terms for the public copy (issue 6: "suggested, not applied"): Chinese word
 * segmentation with part-of-speech tags (jieba, through jieba-wasm: a WebAssembly build shipped in
 * the package, nothing downloaded at install) finds place names (ns), person names (nr) and
 * organisation names (nt) that no list holds yet; a reviewer adds the real ones to the list.
 */
import { tag } from 'jieba-wasm'

export type SuggestedKind = 'place' | 'person' | 'org'

const KINDS: Record<string, SuggestedKind> = { ns: 'place', nr: 'person', nt: 'org' }

export interface Suggestion {
  term: string
  kind: SuggestedKind
  count: number
}

/** Proper names in `text` that are not in `known` (nor inside a known term), most frequent first. */
export function suggestTerms(text: string, known: Iterable<string> = []): Suggestion[] {
  const knownList = [...known]
  const knownSet = new Set(knownList)
  const found = new Map<string, Suggestion>()
  // jieba works sentence by sentence well; one call per line keeps memory flat on long texts.
  for (const line of text.split(/\n+/)) {
    if (!line.trim()) continue
    for (const t of tag(line, true)) {
      const kind = KINDS[t.tag]
      const word = t.word.trim()
      if (!kind || [...word].length < 2 || knownSet.has(word)) continue
      const hit = found.get(word)
      if (hit) hit.count++
      else found.set(word, { term: word, kind, count: 1 })
    }
  }
  return [...found.values()]
    .filter((s) => !knownList.some((k) => k.includes(s.term)))
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
}
