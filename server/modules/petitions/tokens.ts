/**
 * Words of a demand and summary, for suggesting repeat petitions. jieba (a Rust build shipped as
 * a prebuilt npm binary) segments Chinese properly, so 工资待遇 and 待遇 weigh as words, not as
 * character pairs; it loads its dictionary on first use (about 0.2 s), not at start.
 */
import { createRequire } from 'node:module'

interface Segmenter {
  cut(text: string, hmm?: boolean): string[]
}

let jieba: Segmenter | undefined
function segmenter(): Segmenter {
  if (!jieba) {
    const require = createRequire(import.meta.url)
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): Segmenter } }
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array }
    jieba = Jieba.withDict(dict)
  }
  return jieba
}

/** Words that say nothing about the matter itself. */
const STOP = new Set([
  '反映',
  '问题',
  '请求',
  '要求',
  '协调',
  '解决',
  '希望',
  '关于',
  '有关',
  '情况',
  '进行',
  '我们',
  '他们',
])

/** Ledgers repeat the same wording row after row: remember the last few thousand texts. */
const memo = new Map<string, string[]>()
const MEMO_MAX = 5000

export function tokenize(text: string): string[] {
  const hit = memo.get(text)
  if (hit) return hit
  const words = cut(text)
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string)
  memo.set(text, words)
  return words
}

function cut(text: string): string[] {
  const words = segmenter()
    .cut(text, false)
    .map((w) => w.trim())
    .filter((w) => w.length >= 2 && !STOP.has(w) && !/^[\p{P}\p{S}\d]+$/u.test(w))
  return [...new Set(words)]
}
