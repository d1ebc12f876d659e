/**
 * Set similarity for suggesting possible duplicate petitions (重复信访). The server supplies the
 * tokens (a Chinese word segmenter, stop words removed); this module only compares them.
 * It suggests, it never decides: a human confirms whether two petitions are the same matter.
 */

/** |A ∩ B| / |A ∪ B| over distinct tokens; 0 when both are empty (no evidence of sameness). */
export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const sa = new Set(a)
  const sb = new Set(b)
  if (sa.size === 0 && sb.size === 0) return 0
  let common = 0
  for (const t of sa) if (sb.has(t)) common++
  return common / (sa.size + sb.size - common)
}

/** True when the demands share at least `threshold` (Jaccard) of their tokens. */
export function similarDemands(
  tokensA: Iterable<string>,
  tokensB: Iterable<string>,
  threshold = 0.5,
): boolean {
  return jaccard(tokensA, tokensB) >= threshold
}
