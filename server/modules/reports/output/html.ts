/**
 * A report as one complete HTML document: the preview in the web (inside a sandboxed frame) and the
 * HTML download. Screen: a white A4 sheet; print: the GB/T 9704 type area through @page, with
 * "— 1 —" page numbers where the browser supports page margin boxes. Every text is escaped; the
 * document model never carries HTML (the Markdown is parsed with html off).
 */
import {
  type Block,
  dateLine,
  type Inline,
  listLabel,
  type ReportDoc,
} from '../../../../domain/report/document.js'
import { MARGIN_MM, PT } from './layout.js'

export interface HtmlOptions {
  /** Figures as `<span class="figure" data-figure="n">`, which the preview makes clickable. */
  figureLinks?: boolean
  lang?: 'zh-CN' | 'en'
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c] ?? c)

// Chinese official fonts first, then what Windows, macOS and Linux readers have.
const FAMILY = {
  fang: `"仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", serif`,
  kai: `"楷体_GB2312", "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", serif`,
  hei: `"黑体", SimHei, STHeiti, "Noto Sans CJK SC", sans-serif`,
  title: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", STZhongsong, "Noto Serif CJK SC", serif`,
  song: `"宋体", SimSun, STSong, "Noto Serif CJK SC", serif`,
}

const m = MARGIN_MM
// 28.95 pt: the Word file's grid line (225 mm / 22 lines), so a printed page holds the same text.
const LINE = '28.95pt'
// 28 characters in 156 mm: a 15.79 pt pitch, 0.21 pt under the 16 pt size (the Word grid's −849/4096).
const LETTER = '-0.21pt'
const CSS = `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: ${PT.pageNumber}pt ${FAMILY.song}; margin-right: 1em; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: ${PT.pageNumber}pt ${FAMILY.song}; margin-left: 1em; } }
html { background: #f0f0f0; }
body { margin: 0; color: #000; }
.report { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 16px auto; background: #fff;
  padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; box-shadow: 0 1px 4px rgba(0,0,0,.2);
  font: ${PT.body}pt/${LINE} ${FAMILY.fang}; text-align: justify; letter-spacing: ${LETTER}; }
.report p, .report h1, .report h2, .report h3, .report h4, .report h5, .report ul, .report ol { margin: 0; }
.report h1 { font: ${PT.title}pt/${LINE} ${FAMILY.title}; text-align: center; }
.report .unit, .report .date { font-family: ${FAMILY.kai}; text-align: center; text-indent: 0; }
.report .head-end { margin-bottom: ${LINE}; }
.report p, .report li, .report h2, .report h3, .report h4, .report h5 { text-indent: 2em; font-size: ${PT.body}pt; }
.report h2 { font-family: ${FAMILY.hei}; font-weight: normal; }
.report h3 { font-family: ${FAMILY.kai}; font-weight: normal; }
.report h4 { font-family: ${FAMILY.fang}; font-weight: bold; }
.report h5 { font-family: ${FAMILY.fang}; font-weight: normal; }
.report ul, .report ol { list-style: none; padding: 0; }
.report table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font: ${PT.table}pt/1.5 ${FAMILY.fang}; }
.report th, .report td { border: 1px solid #000; padding: 2px 6px; text-indent: 0; }
.report th { font-weight: bold; text-align: center; }
.report .note { font-size: ${PT.table}pt; text-indent: 0; margin-top: ${LINE}; }
.report .page-break { break-after: page; height: 0; border-top: 1px dashed #bbb; margin: 8px 0; }
.report .figure[data-figure] { cursor: pointer; border-bottom: 1px dotted #1677ff; }
.report .figure[data-figure]:hover { background: #e6f4ff; }
@media print {
  html { background: none; }
  .report { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .report .page-break { border: 0; margin: 0; }
  .report .figure[data-figure] { border: 0; }
}
`

const WORDS = {
  'zh-CN': { figure: '点击查看数据来源' },
  en: { figure: 'Click to see where this figure comes from' },
}

/** Inline spans; a bold run (figures in it included) is one `<strong>`; '\n' is a line break. */
function inlines(list: Inline[], opts: HtmlOptions): string {
  let out = ''
  let bold = false
  for (const i of list) {
    const b = i.kind === 'bold' || (i.kind === 'figure' && i.bold === true)
    if (b !== bold) out += b ? '<strong>' : '</strong>'
    bold = b
    const text = escapeHtml(i.text).replaceAll('\n', '<br>')
    out +=
      i.kind === 'figure' && opts.figureLinks
        ? `<span class="figure" data-figure="${i.index}" title="${escapeHtml(WORDS[opts.lang ?? 'zh-CN'].figure)}">${text}</span>`
        : text
  }
  return bold ? `${out}</strong>` : out
}

function block(b: Block, opts: HtmlOptions): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level + 1}>${inlines(b.inlines, opts)}</h${b.level + 1}>`
    case 'paragraph':
      return `<p>${inlines(b.inlines, opts)}</p>`
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul'
      const items = b.items.map(
        (it, n) => `<li>${escapeHtml(listLabel(b, n))}${b.ordered ? '' : ' '}${inlines(it, opts)}</li>`,
      )
      return `<${tag}>${items.join('')}</${tag}>`
    }
    case 'table': {
      const cols = Math.max(b.header.length, ...b.rows.map((r) => r.length))
      const cells = (r: Inline[][], tag: 'th' | 'td') =>
        Array.from({ length: cols }, (_, i) => `<${tag}>${inlines(r[i] ?? [], opts)}</${tag}>`).join('')
      const head = b.header.length > 0 ? `<thead><tr>${cells(b.header, 'th')}</tr></thead>` : ''
      return `<table>${head}<tbody>${b.rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>`
    }
    case 'pageBreak':
      return '<div class="page-break"></div>'
  }
}

export function reportToHtml(doc: ReportDoc, opts: HtmlOptions & { footerNote?: string } = {}): string {
  const lang = opts.lang ?? 'zh-CN'
  const date = dateLine(doc)
  const head: { tag: 'h1' | 'p'; cls: string[]; html: string }[] = []
  if (doc.title.length > 0) head.push({ tag: 'h1', cls: [], html: doc.title.map(escapeHtml).join('<br>') })
  if (doc.unit !== undefined) head.push({ tag: 'p', cls: ['unit'], html: escapeHtml(doc.unit) })
  if (date) head.push({ tag: 'p', cls: ['date'], html: escapeHtml(date) })
  // One blank line between the heading group and the text, as in the Word file.
  head.at(-1)?.cls.push('head-end')
  const headHtml = head
    .map((h) => `<${h.tag}${h.cls.length > 0 ? ` class="${h.cls.join(' ')}"` : ''}>${h.html}</${h.tag}>`)
    .join('')
  const note = opts.footerNote ? `<p class="note">${escapeHtml(opts.footerNote)}</p>` : ''
  const title = escapeHtml(doc.title.join(''))
  return [
    '<!doctype html>',
    `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${CSS}</style></head>`,
    `<body><article class="report">${headHtml}${doc.blocks.map((b) => block(b, opts)).join('')}${note}</article></body>`,
    '</html>',
  ].join('\n')
}
