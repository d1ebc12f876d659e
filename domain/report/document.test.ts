import { describe, expect, it } from 'vitest'
import {
  dateLine,
  figureMarker,
  inlineText,
  mapDocText,
  parseReport,
  plainText,
  type ReportDoc,
  stripMarkers,
} from './document.js'

const F = figureMarker

const SAMPLE = `# 关于主题教育开展情况
# 的汇报

@unit 某市教育局
@date 2023-11-20

## 一、总体情况

### （一）高等教育

#### 1. 产教融合

##### （1）培育基地

**紧扣目标任务，新增基地${F(0, '12')}个。**全市新增普惠学位${F(1, '1,234')}个，
提前达到${F(2, '95.6%')}的年度目标。

- 甲项
- 乙项

3. 第三
4. 第四

| 项目 | 数量 |
| --- | --- |
| 学位 | ${F(3, '1,234')} |
| **合计** | 2 |

---

结尾。
`

describe('parseReport: every block kind', () => {
  const doc = parseReport(SAMPLE)

  it('reads the title lines, the unit and the date', () => {
    expect(doc.title).toEqual(['关于主题教育开展情况', '的汇报'])
    expect(doc.unit).toBe('某市教育局')
    expect(doc.date).toBe('2023-11-20')
    expect(dateLine(doc)).toBe('（二〇二三年十一月二十日）')
  })

  it('maps ## … ##### to heading levels 1–4 without renumbering', () => {
    const heads = doc.blocks.filter((b) => b.kind === 'heading')
    expect(heads.map((h) => [h.level, inlineText(h.inlines)])).toEqual([
      [1, '一、总体情况'],
      [2, '（一）高等教育'],
      [3, '1. 产教融合'],
      [4, '（1）培育基地'],
    ])
  })

  it('reads a bold first sentence closed after Chinese punctuation, with figures inside and out', () => {
    const p = doc.blocks[4]
    expect(p).toEqual({
      kind: 'paragraph',
      inlines: [
        { kind: 'bold', text: '紧扣目标任务，新增基地' },
        { kind: 'figure', index: 0, text: '12', bold: true },
        { kind: 'bold', text: '个。' },
        { kind: 'text', text: '全市新增普惠学位' },
        { kind: 'figure', index: 1, text: '1,234' },
        // The soft line break between two Chinese lines adds no space.
        { kind: 'text', text: '个，提前达到' },
        { kind: 'figure', index: 2, text: '95.6%' },
        { kind: 'text', text: '的年度目标。' },
      ],
    })
  })

  it('reads bullet and ordered lists (with their start), a table and a page break', () => {
    expect(doc.blocks[5]).toEqual({
      kind: 'list',
      ordered: false,
      items: [[{ kind: 'text', text: '甲项' }], [{ kind: 'text', text: '乙项' }]],
    })
    expect(doc.blocks[6]).toMatchObject({ kind: 'list', ordered: true, start: 3 })
    expect(doc.blocks[7]).toEqual({
      kind: 'table',
      header: [[{ kind: 'text', text: '项目' }], [{ kind: 'text', text: '数量' }]],
      rows: [
        [[{ kind: 'text', text: '学位' }], [{ kind: 'figure', index: 3, text: '1,234' }]],
        [[{ kind: 'bold', text: '合计' }], [{ kind: 'text', text: '2' }]],
      ],
    })
    expect(doc.blocks[8]).toEqual({ kind: 'pageBreak' })
    expect(doc.blocks[9]).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: '结尾。' }] })
    expect(doc.blocks).toHaveLength(10)
  })

  it('writes the whole document as plain text', () => {
    expect(plainText(doc).split('\n').slice(0, 5)).toEqual([
      '关于主题教育开展情况',
      '的汇报',
      '某市教育局',
      '（二〇二三年十一月二十日）',
      '一、总体情况',
    ])
    expect(plainText(doc)).toContain(
      '\n• 甲项\n• 乙项\n3. 第三\n4. 第四\n项目\t数量\n学位\t1,234\n合计\t2\n结尾。',
    )
  })
})

describe('parseReport: edges', () => {
  it('a `@` paragraph that is not exactly unit/date is a paragraph; a bad date too', () => {
    const doc = parseReport('# 标题\n\n@date 2023年11月\n\n正文')
    expect(doc.date).toBeUndefined()
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph'])
    // Unit and date on separate paragraphs; a month-only date.
    const d2 = parseReport('# 标题\n\n@unit 某局\n\n@date 2023-11\n\n正文')
    expect([d2.unit, dateLine(d2)]).toEqual(['某局', '（二〇二三年十一月）'])
    // Not directly after the title: ordinary text.
    expect(parseReport('# 标题\n\n正文\n\n@unit 某局').unit).toBeUndefined()
  })

  it('a later `#` is a level-1 heading, a `---` under a paragraph is a page break, indented text is prose', () => {
    const doc = parseReport('# 标题\n\n正文\n---\n    缩进的段落\n\n# 再一个')
    expect(doc.title).toEqual(['标题'])
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'pageBreak', 'paragraph', 'heading'])
    expect(doc.blocks[2]).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: '缩进的段落' }] })
  })

  it('never reads raw HTML', () => {
    const doc = parseReport('<script>alert(1)</script>')
    expect(plainText(doc)).toBe('<script>alert(1)</script>')
  })

  it('a document without title has no title lines and takes no unit', () => {
    const doc = parseReport('@unit 某局')
    expect(doc).toEqual({
      title: [],
      blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: '@unit 某局' }] }],
    })
  })
})

describe('figure markers', () => {
  it('encode the index as one private-use character, with no Arabic digit inside', () => {
    expect(F(0, '12')).toBe('\uE000\uE100\uE00112\uE002')
    expect(F(37, 'x')).toBe('\uE000\uE125\uE001x\uE002')
    expect(F(37, '').replace(/[\uE000-\uF8FF]/g, '')).toBe('')
    expect(() => F(-1, 'x')).toThrow(RangeError)
  })

  it('malformed or leftover markers are dropped, their text kept, never a throw', () => {
    const cases: [string, string][] = [
      ['甲\uE000\uE105\uE00112', '甲12'], // never closed
      ['甲\uE00212乙', '甲12乙'], // a stray close
      ['甲\uE000x乙', '甲x乙'], // no index
      ['甲\uE000\uE105x乙', '甲x乙'], // no middle marker
      ['甲\uE001乙\uE000', '甲乙'], // stray middle, open at the end
      [`${F(1, 'a')}\uE000\uE101\uE001b${F(2, 'c')}`, 'abc'], // a figure opened inside another
    ]
    for (const [src, text] of cases) {
      const doc = parseReport(src)
      expect(plainText(doc)).toBe(text)
    }
    const nested = parseReport(`${F(1, 'a')}\uE000\uE101\uE001b${F(2, 'c')}`).blocks[0]
    expect(nested).toEqual({
      kind: 'paragraph',
      inlines: [
        { kind: 'figure', index: 1, text: 'a' },
        { kind: 'text', text: 'b' },
        { kind: 'figure', index: 2, text: 'c' },
      ],
    })
    expect(stripMarkers(`共${F(4, '36')}所`)).toBe('共36所')
  })

  it('figures in the title, unit and date lines are read as their text', () => {
    const doc = parseReport(
      `# ${F(0, '2023')}年工作总结\n\n@unit ${F(1, '某局')}\n@date ${F(2, '2023-11-20')}`,
    )
    expect(doc.title).toEqual(['2023年工作总结'])
    expect(doc.unit).toBe('某局')
    expect(doc.date).toBe('2023-11-20')
  })
})

describe('mapDocText', () => {
  const stars = (s: string) => s.replace(/[0-9]/g, '*').replaceAll('沈阳', '**')
  it('applies f to every text a reader sees and keeps the structure and the date', () => {
    const doc = parseReport(SAMPLE.replace('某市教育局', '沈阳市教育局'))
    const pub: ReportDoc = mapDocText(doc, stars)
    expect(pub.unit).toBe('**市教育局')
    expect(pub.date).toBe('2023-11-20')
    expect(dateLine(pub)).toBe('（二〇二三年十一月二十日）')
    const p = pub.blocks[4]
    expect(p?.kind === 'paragraph' && p.inlines.map((i) => i.text)).toEqual([
      '紧扣目标任务，新增基地',
      '**',
      '个。',
      '全市新增普惠学位',
      '*,***',
      '个，提前达到',
      '**.*%',
      '的年度目标。',
    ])
    expect(p?.kind === 'paragraph' && p.inlines[1]).toEqual({
      kind: 'figure',
      index: 0,
      text: '**',
      bold: true,
    })
    const t = pub.blocks[7]
    expect(t?.kind === 'table' && t.rows.map((r) => r.map(inlineText))).toEqual([
      ['学位', '*,***'],
      ['合计', '*'],
    ])
    expect(pub.blocks.map((b) => b.kind)).toEqual(doc.blocks.map((b) => b.kind))
    // No Arabic digit anywhere the reader looks, list numbers included.
    expect(plainText(pub)).toContain('\n• 乙项\n*. 第三\n*. 第四\n')
    expect(plainText(pub)).not.toMatch(/[0-9]/)
    // The original is untouched.
    expect(doc.unit).toBe('沈阳市教育局')
  })
})
