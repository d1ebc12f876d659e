/**
 * A report as clean Markdown for other tools: no figure markers, no `@unit`/`@date` lines (the unit
 * and the date are plain paragraphs, the date already in Chinese numerals), text escaped so that a
 * masked copy's `*` stay stars. `parseReport` reads its blocks back unchanged (the unit and date
 * lines come back as paragraphs).
 */
import {
  type Block,
  dateLine,
  type Inline,
  listLabel,
  type ReportDoc,
} from '../../../../domain/report/document.js'

/** Backslash-escapes what Markdown would read as inline markup (`>` too: a line may start with it). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
}

/** A line of prose that would start a heading, a list or a rule ("1. …", "- …") is escaped. */
function guardLines(s: string): string {
  return s.replace(/^(\s*)([#+=-])/gm, '$1\\$2').replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
}

const isBold = (i: Inline) => i.kind === 'bold' || (i.kind === 'figure' && i.bold === true)

/** Inline spans; a bold run (figures in it included) becomes one `**…**`; '\n' a hard break. */
function inlines(list: Inline[], lineBreak = '\\\n'): string {
  let out = ''
  let bold = false
  for (const i of list) {
    if (isBold(i) !== bold) {
      out += '**'
      bold = !bold
    }
    out += escapeMarkdown(i.text).replaceAll('\n', lineBreak)
  }
  return bold ? `${out}**` : out
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${inlines(b.inlines, ' ')}`
    case 'paragraph':
      return guardLines(inlines(b.inlines))
    case 'list':
      // Masked numbers ("*.") are not list syntax: such items are written as paragraphs.
      if (b.labels)
        return b.items.map((it, n) => `${escapeMarkdown(listLabel(b, n))} ${inlines(it)}`).join('\n\n')
      return b.items
        .map((it, n) => `${b.ordered ? listLabel(b, n) : '-'} ${guardLines(inlines(it, '\\\n   '))}`)
        .join('\n')
    case 'table': {
      const cols = Math.max(1, b.header.length, ...b.rows.map((r) => r.length))
      const row = (r: Inline[][]) =>
        `| ${Array.from({ length: cols }, (_, i) => inlines(r[i] ?? [], ' ') || ' ').join(' | ')} |`
      return [row(b.header), `|${' --- |'.repeat(cols)}`, ...b.rows.map(row)].join('\n')
    }
    case 'pageBreak':
      return '---'
  }
}

export function reportToMarkdown(doc: ReportDoc): string {
  const parts: string[] = doc.title.map((line) => `# ${escapeMarkdown(line)}`)
  if (doc.unit !== undefined) parts.push(guardLines(escapeMarkdown(doc.unit)))
  const date = dateLine(doc)
  if (date) parts.push(date)
  parts.push(...doc.blocks.map(block))
  return `${parts.join('\n\n')}\n`
}
