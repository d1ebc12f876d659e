/**
 * A report as a Word file in the GB/T 9704 layout (DOMAIN.md "Official document layout"): A4 with
 * the standard margins and 22 × 28 grid, 方正小标宋 title, 楷体 unit line, 仿宋 body with a two-character
 * first-line indent, headings 黑体 / 楷体 / 仿宋 bold / 仿宋, "— 1 —" page numbers odd right, even left.
 * Every run names its font for ascii, hAnsi and eastAsia: Word ignores a Chinese font name given
 * only as the Latin font. Figures are plain text here.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  type IRunOptions,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import {
  type Block,
  dateLine,
  type Inline,
  inlineText,
  listLabel,
  type ReportDoc,
} from '../../../../domain/report/document.js'
import { FONT, FOOTER_DISTANCE, GRID, MARGIN, PAGE, PT } from './layout.js'

/** The same face for every script: Latin, digits and Chinese. */
const face = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name })
const sz = (pt: number) => pt * 2

interface RunStyle {
  font: string
  pt: number
  bold?: boolean
}

/** Runs for inline spans; a '\n' inside a span (a hard break) becomes a line break. */
function runs(inlines: Inline[], style: RunStyle): TextRun[] {
  const out: TextRun[] = []
  for (const inl of inlines) {
    const bold = style.bold || inl.kind === 'bold' || (inl.kind === 'figure' && inl.bold === true)
    inl.text.split('\n').forEach((text, i) => {
      const opts: IRunOptions = {
        text,
        font: face(style.font),
        size: sz(style.pt),
        ...(bold ? { bold } : {}),
      }
      out.push(new TextRun(i > 0 ? { ...opts, break: 1 } : opts))
    })
  }
  return out
}

/** Body lines sit exactly on the grid's pitch, so Word and LibreOffice both give 22 lines a page. */
const ON_GRID = { line: GRID.linePitch, lineRule: 'exact' as const, before: 0, after: 0 }
/** Two characters of first-line indent: in characters for Word, in twips for other readers. */
const INDENT = { firstLineChars: 200, firstLine: sz(PT.body) * 10 * 2 }

const HEADING: Record<1 | 2 | 3 | 4, RunStyle> = {
  1: { font: FONT.hei, pt: PT.body },
  2: { font: FONT.kai, pt: PT.body },
  // 1. in 仿宋 bold, as most provincial rules have it, so it stands apart from (1) and the body.
  3: { font: FONT.body, pt: PT.body, bold: true },
  4: { font: FONT.body, pt: PT.body },
}

function centred(text: string, style: RunStyle, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...ON_GRID, after },
    children: runs([{ kind: 'text', text }], style),
  })
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const NUMERIC = /^[-+−]?[\d*][\d*,.]*\s*%?$/

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const cols = Math.max(1, b.header.length, ...b.rows.map((r) => r.length))
  const width = Math.floor(GRID.typeWidth / cols)
  const cell = (inlines: Inline[], header: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          // Header centred; numbers centred too, as statistics tables are set; text flush left.
          alignment: header || NUMERIC.test(inlineText(inlines)) ? AlignmentType.CENTER : AlignmentType.LEFT,
          // Exact spacing takes the cell off the 28.95 pt grid: 12 pt text at 18 pt lines.
          spacing: { line: PT.table * 30, lineRule: 'exact' },
          children: runs(inlines, { font: FONT.body, pt: PT.table, bold: header }),
        }),
      ],
    })
  const row = (cells: Inline[][], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: Array.from({ length: cols }, (_, i) => cell(cells[i] ?? [], header)),
    })
  return new Table({
    width: { size: width * cols, type: WidthType.DXA },
    columnWidths: Array.from({ length: cols }, () => width),
    alignment: AlignmentType.CENTER,
    borders: {
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
      insideHorizontal: thin,
      insideVertical: thin,
    },
    rows: [...(b.header.length > 0 ? [row(b.header, true)] : []), ...b.rows.map((r) => row(r, false))],
  })
}

function body(doc: ReportDoc): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = []
  // A page break is carried to the next paragraph (no empty line at the top of the new page).
  let breakBefore = false
  const para = (children: ParagraphChild[], extra: { outlineLevel?: number; keepNext?: boolean } = {}) => {
    out.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: ON_GRID,
        indent: INDENT,
        ...(breakBefore ? { pageBreakBefore: true } : {}),
        ...extra,
        children,
      }),
    )
    breakBefore = false
  }
  const bodyStyle: RunStyle = { font: FONT.body, pt: PT.body }
  for (const b of doc.blocks) {
    // A heading stays with the text it introduces.
    if (b.kind === 'heading')
      para(runs(b.inlines, HEADING[b.level]), { outlineLevel: b.level - 1, keepNext: true })
    else if (b.kind === 'paragraph') para(runs(b.inlines, bodyStyle))
    else if (b.kind === 'list') {
      b.items.forEach((item, n) => {
        const label = listLabel(b, n)
        para(runs([{ kind: 'text', text: b.ordered ? label : `${label} ` }, ...item], bodyStyle))
      })
    } else if (b.kind === 'table') {
      if (breakBefore) out.push(new Paragraph({ pageBreakBefore: true, spacing: ON_GRID }))
      breakBefore = false
      out.push(table(b))
    } else breakBefore = true
  }
  return out
}

function pageNumberFooter(side: 'right' | 'left'): Footer {
  const font = { font: face(FONT.song), size: sz(PT.pageNumber) }
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // "空一字": one body character in from the edge of the type area.
        indent: side === 'right' ? { right: sz(PT.body) * 10 } : { left: sz(PT.body) * 10 },
        spacing: { line: PT.pageNumber * 25, lineRule: 'exact' }, // off the body grid
        children: [
          new TextRun({ ...font, text: '— ' }),
          new TextRun({ ...font, children: [PageNumber.CURRENT] }),
          new TextRun({ ...font, text: ' —' }),
        ],
      }),
    ],
  })
}

const NORMAL_RUN = {
  font: face(FONT.body),
  size: sz(PT.body),
  language: { value: 'zh-CN', eastAsia: 'zh-CN' },
}

export interface DocxOptions {
  /** A note set after the text in 小四 仿宋 (e.g. that this is the public copy). */
  footerNote?: string
}

export async function reportToDocx(doc: ReportDoc, opts: DocxOptions = {}): Promise<Buffer> {
  const head: Paragraph[] = []
  const hasMeta = doc.unit !== undefined || doc.date !== undefined
  // One blank line between the heading group and the text.
  for (const [i, line] of doc.title.entries()) {
    const last = !hasMeta && i === doc.title.length - 1
    head.push(centred(line, { font: FONT.title, pt: PT.title }, last ? GRID.linePitch : 0))
  }
  const date = dateLine(doc)
  if (doc.unit !== undefined)
    head.push(centred(doc.unit, { font: FONT.kai, pt: PT.body }, date ? 0 : GRID.linePitch))
  if (date) head.push(centred(date, { font: FONT.kai, pt: PT.body }, GRID.linePitch))
  const tail = opts.footerNote
    ? [
        new Paragraph({
          spacing: { before: GRID.linePitch },
          children: runs([{ kind: 'text', text: opts.footerNote }], { font: FONT.body, pt: PT.table }),
        }),
      ]
    : []
  const file = new Document({
    title: doc.title.join(''),
    creator: 'edu-ledger',
    evenAndOddHeaderAndFooters: true,
    styles: {
      // The grid's character pitch is measured against the Normal style's size and font (LibreOffice
      // reads the style, Word the defaults): both say 16 pt 仿宋.
      default: { document: { run: NORMAL_RUN } },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: NORMAL_RUN }],
    },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: { ...MARGIN, header: MARGIN.top / 2, footer: FOOTER_DISTANCE } },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: GRID.linePitch,
            charSpace: GRID.charSpace,
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: [...head, ...body(doc), ...tail],
      },
    ],
  })
  return Packer.toBuffer(file)
}
