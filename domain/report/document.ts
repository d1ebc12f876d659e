/**
 * The report document model (issue 6): a rendered template is Markdown with official-document
 * meanings, and this turns it into blocks that the Word, HTML and Markdown writers lay out.
 *
 *   # 标题 (consecutive `#` lines at the start: a title on several lines)
 *   @unit 某某教育局      a paragraph right after the title (one line or both lines)
 *   @date 2023-11-20     → （二〇二三年十一月二十日）
 *   ## 一、…  ### （一）…  #### 1. …  ##### （1）…   heading levels 1–4, numbered by the author
 *   paragraphs with **bold** spans, lists, GFM tables, `---` for a page break.
 *
 * Figures arrive wrapped in private-use markers (see `figureMarker`) and become figure spans, so the
 * preview can link each to its provenance. Pure: no I/O, no clock; malformed markers never throw.
 */
import MarkdownIt from 'markdown-it'
import { chineseDate } from './chinese-style.js'

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  /** `bold` when the figure stands inside a bold span (a bold first sentence often holds figures). */
  | { kind: 'figure'; index: number; text: string; bold?: boolean }

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  /** `labels` (set by `mapDocText`) replace the printed numbers, so a masked copy masks them too. */
  | { kind: 'list'; ordered: boolean; start?: number; labels?: string[]; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'pageBreak' }

export interface ReportDoc {
  title: string[]
  unit?: string
  /** ISO `YYYY-MM-DD` (or `YYYY-MM`); writers print it through `dateLine`. */
  date?: string
  blocks: Block[]
}

const OPEN = '\uE000'
const MID = '\uE001'
const CLOSE = '\uE002'
const INDEX_BASE = 0xe100
const INDEX_MAX = 0xf8ff // the end of the Basic Multilingual Plane's private-use area

/**
 * A figure's printed text wrapped in markers: U+E000, the index as one private-use character
 * (U+E100 + n), U+E001, the text, U+E002. No Arabic digit inside the markers, so the publication
 * mask (which stars every digit) can run on marked text without breaking a marker.
 */
export function figureMarker(index: number, text: string): string {
  if (!Number.isInteger(index) || index < 0 || index > INDEX_MAX - INDEX_BASE) {
    throw new RangeError(`figureMarker: index ${index} out of range`)
  }
  return `${OPEN}${String.fromCharCode(INDEX_BASE + index)}${MID}${text}${CLOSE}`
}

/** A text with its markers removed and figures' texts kept (titles, unit and date are plain). */
export function stripMarkers(s: string): string {
  return toInlines([{ text: s, bold: false }])
    .map((i) => i.text)
    .join('')
}

// Setext headings are off so that a `---` under a paragraph stays a page break; indented code is
// off because authors indent Chinese paragraphs with spaces. No raw HTML, ever.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(['lheading', 'code'])

/**
 * CommonMark does not close `**一句话。**正文`: a closing `**` after punctuation must be followed by
 * space or punctuation, and Chinese puts no space there. Next to CJK text (letters, full-width
 * punctuation, curly quotes, figure markers) a `*` run is read as inside a word instead, where it
 * may open and close — the reading markdown-it-cjk-friendly gives. Only on this parser's instance.
 */
const CJK = /[\u2018-\u201f\u2e80-\u9fff\uac00-\ud7af\ue000-\uf8ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/
const SPACE = /\s/
const BaseState = md.inline.State
md.inline.State = class extends BaseState {
  override scanDelims(start: number, canSplitWord: boolean) {
    const r = super.scanDelims(start, canSplitWord)
    if (this.src[start] !== '*') return r
    const last = start > 0 ? (this.src[start - 1] ?? ' ') : ' '
    const next = this.src[start + r.length] ?? ' '
    if (!CJK.test(last) && !CJK.test(next)) return r
    return { ...r, can_open: !SPACE.test(next), can_close: !SPACE.test(last) }
  }
}

type Token = ReturnType<typeof md.parse>[number]
interface Run {
  text: string
  bold: boolean
}

const ASCII = /[\x21-\x7e]/
/** A soft line break joins Chinese lines with nothing, Latin words with a space. */
function softBreak(prev: string, next: string): string {
  return ASCII.test(prev.slice(-1)) && ASCII.test(next.slice(0, 1)) ? ' ' : ''
}

function runsOf(inline: Token | undefined): Run[] {
  const runs: Run[] = []
  let bold = 0
  const children = inline?.children ?? []
  children.forEach((c, i) => {
    const push = (text: string) => {
      if (text) runs.push({ text, bold: bold > 0 })
    }
    if (c.type === 'strong_open') bold++
    else if (c.type === 'strong_close') bold = Math.max(0, bold - 1)
    else if (c.type === 'softbreak') push(softBreak(runs.at(-1)?.text ?? '', children[i + 1]?.content ?? ''))
    else if (c.type === 'hardbreak') push('\n')
    // Text, code spans and image alt text are what the reader sees; emphasis and links add nothing.
    else if (c.type === 'text' || c.type === 'text_special' || c.type === 'code_inline' || c.type === 'image')
      push(c.content)
  })
  return runs
}

/** Reads figure markers across runs; anything malformed is dropped and its text kept as text. */
function toInlines(runs: Run[]): Inline[] {
  const out: Inline[] = []
  const add = (inl: Inline) => {
    const last = out.at(-1)
    if (inl.kind !== 'figure' && last && last.kind === inl.kind) last.text += inl.text
    else if (inl.text !== '' || inl.kind === 'figure') out.push(inl)
  }
  let fig: { index: number; text: string; bold: boolean } | null = null
  // 'idx': after OPEN, waiting for the index; 'mid': waiting for MID; 'body': inside the figure text.
  let state: 'out' | 'idx' | 'mid' | 'body' = 'out'
  let pending = -1
  let pendingBold = false
  for (const run of runs) {
    for (const ch of run.text) {
      const code = ch.charCodeAt(0)
      if (ch === OPEN) {
        if (fig) add({ kind: fig.bold ? 'bold' : 'text', text: fig.text }) // unclosed figure
        fig = null
        state = 'idx'
        pendingBold = run.bold
      } else if (state === 'idx') {
        state = 'out'
        if (code >= INDEX_BASE && code <= INDEX_MAX && ch.length === 1) {
          pending = code - INDEX_BASE
          state = 'mid'
        } else if (ch !== MID && ch !== CLOSE) add({ kind: run.bold ? 'bold' : 'text', text: ch })
      } else if (state === 'mid') {
        if (ch === MID) {
          fig = { index: pending, text: '', bold: pendingBold }
          state = 'body'
        } else {
          state = 'out'
          if (ch !== CLOSE) add({ kind: run.bold ? 'bold' : 'text', text: ch })
        }
      } else if (state === 'body' && fig) {
        if (ch === CLOSE) {
          add({ kind: 'figure', index: fig.index, text: fig.text, ...(fig.bold ? { bold: true } : {}) })
          fig = null
          state = 'out'
        } else if (ch !== MID) fig.text += ch
      } else if (ch !== MID && ch !== CLOSE) add({ kind: run.bold ? 'bold' : 'text', text: ch })
    }
  }
  if (fig) add({ kind: fig.bold ? 'bold' : 'text', text: fig.text })
  return out
}

const inlinesOf = (t: Token | undefined) => toInlines(runsOf(t))
const plainOf = (t: Token | undefined) =>
  inlinesOf(t)
    .map((i) => i.text)
    .join('')

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/

/** `@unit …` / `@date …` lines; null when the paragraph is anything else. */
function metaLines(text: string): { unit?: string; date?: string } | null {
  const meta: { unit?: string; date?: string } = {}
  for (const line of text.split('\n')) {
    const m = /^@(unit|date)\s+(.+)$/.exec(line.trim())
    if (!m?.[2]) return null
    const value = m[2].trim()
    if (m[1] === 'date' && !ISO_DATE.test(value)) return null // shown as text, so the author sees it
    meta[m[1] as 'unit' | 'date'] = value
  }
  return meta
}

export function parseReport(text: string): ReportDoc {
  const tokens = md.parse(text, {})
  const doc: ReportDoc = { title: [], blocks: [] }
  let list: Extract<Block, { kind: 'list' }> | null = null
  let listDepth = 0
  let item: Inline[] | null = null
  let table: Extract<Block, { kind: 'table' }> | null = null
  let row: Inline[][] | null = null
  let inHead = false
  // The title is the run of `#` lines at the very start; `@unit`/`@date` may follow it directly.
  let titleOpen = true
  let metaOpen = true

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token
    const next = tokens[i + 1]
    switch (t.type) {
      case 'heading_open': {
        const n = Number(t.tag.slice(1))
        i += 2 // the inline and the close
        if (n === 1 && titleOpen) {
          // A break cannot occur in an ATX heading: each `#` line is one line of the title.
          const line = plainOf(next).trim()
          if (line) doc.title.push(line)
          continue
        }
        // A later `#` is read as a level-1 heading; `######` as level 4.
        const level = Math.min(4, Math.max(1, n - 1)) as 1 | 2 | 3 | 4
        doc.blocks.push({ kind: 'heading', level, inlines: inlinesOf(next) })
        break
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        // Nested lists are flattened into their outer list: official prose has no nesting.
        if (listDepth++ === 0) {
          const start = Number(t.attrGet('start') ?? 1)
          list = { kind: 'list', ordered: t.type === 'ordered_list_open', items: [] }
          if (list.ordered && start !== 1) list.start = start
        }
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        if (--listDepth === 0 && list) {
          doc.blocks.push(list)
          list = null
        }
        break
      case 'list_item_open':
        item = []
        list?.items.push(item)
        break
      case 'list_item_close':
        item = null
        break
      case 'table_open':
        table = { kind: 'table', header: [], rows: [] }
        break
      case 'table_close':
        if (table) doc.blocks.push(table)
        table = null
        break
      case 'thead_open':
        inHead = true
        break
      case 'thead_close':
        inHead = false
        break
      case 'tr_open':
        row = []
        if (table && !inHead) table.rows.push(row)
        break
      case 'tr_close':
        if (table && inHead && row) table.header = row
        row = null
        break
      case 'inline':
        if (row) row.push(inlinesOf(t))
        else if (item) {
          // A second paragraph in one item continues it on a new line.
          if (item.length > 0) item.push({ kind: 'text', text: '\n' })
          item.push(...inlinesOf(t))
        }
        break
      case 'paragraph_open': {
        if (list || table) break // the inline goes to the item or the cell
        i += 2
        const meta = metaOpen && doc.title.length > 0 ? metaLines(stripMarkers(next?.content ?? '')) : null
        if (meta) {
          Object.assign(doc, meta)
          titleOpen = false
          continue
        }
        doc.blocks.push({ kind: 'paragraph', inlines: inlinesOf(next) })
        break
      }
      case 'fence':
      case 'code_block': {
        const inl: Inline = { kind: 'text', text: stripMarkers(t.content.replace(/\n$/, '')) }
        if (item) item.push(inl)
        else doc.blocks.push({ kind: 'paragraph', inlines: [inl] })
        break
      }
      case 'hr':
        doc.blocks.push({ kind: 'pageBreak' })
        break
    }
    titleOpen = false
    metaOpen = false
  }
  return doc
}

/** The date line as printed: （二〇二三年十一月二十日）, already words, so masking digits leaves it. */
export function dateLine(doc: ReportDoc): string | undefined {
  if (!doc.date) return undefined
  return `（${chineseDate(doc.date, doc.date.length > 7 ? 'day' : 'month')}）`
}

/** The text of a run of inlines, figures included. */
export const inlineText = (inlines: Inline[]) => inlines.map((i) => i.text).join('')

/**
 * The same document with `f` applied to every text a reader sees: title lines, unit, headings,
 * paragraphs, list items, table cells and figures' texts (the public copy masks through this).
 * The date is kept as ISO: it is only ever printed through `dateLine`, in Chinese numerals.
 * `f` sees one span at a time, so a term split by a bold boundary is not one match.
 */
export function mapDocText(doc: ReportDoc, f: (s: string) => string): ReportDoc {
  const map = (inlines: Inline[]): Inline[] => inlines.map((i) => ({ ...i, text: f(i.text) }))
  const blocks = doc.blocks.map((b): Block => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return { ...b, inlines: map(b.inlines) }
      case 'list':
        return { ...b, labels: b.items.map((_, n) => f(listLabel(b, n))), items: b.items.map(map) }
      case 'table':
        return { ...b, header: b.header.map(map), rows: b.rows.map((r) => r.map(map)) }
      default:
        return b
    }
  })
  const out: ReportDoc = { title: doc.title.map(f), blocks }
  if (doc.unit !== undefined) out.unit = f(doc.unit)
  if (doc.date !== undefined) out.date = doc.date
  return out
}

/** The list item's label as the writers print it: "1." for ordered lists, "•" for bullets. */
export function listLabel(list: Extract<Block, { kind: 'list' }>, n: number): string {
  return list.labels?.[n] ?? (list.ordered ? `${(list.start ?? 1) + n}.` : '•')
}

/** The document as plain text, one paragraph a line, table cells separated by tabs. */
export function plainText(doc: ReportDoc): string {
  const lines: string[] = [...doc.title]
  if (doc.unit) lines.push(doc.unit)
  const date = dateLine(doc)
  if (date) lines.push(date)
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') lines.push(inlineText(b.inlines))
    else if (b.kind === 'list') lines.push(...b.items.map((it, n) => `${listLabel(b, n)} ${inlineText(it)}`))
    else if (b.kind === 'table') {
      for (const r of [b.header, ...b.rows]) lines.push(r.map(inlineText).join('\t'))
    }
  }
  return lines.join('\n')
}
