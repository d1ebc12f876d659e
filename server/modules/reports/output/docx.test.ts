import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { figureMarker, mapDocText, parseReport } from '../../../../domain/report/document.js'
import { reportToDocx } from './docx.js'

const SOURCE = `# 关于教育振兴工作
# 情况的汇报

@unit 某市教育局
@date 2023-11-20

## 一、总体情况

### （二）基础教育

#### 3. 学前教育

##### （4）普惠学位

**新增普惠学位${figureMarker(0, '1,234')}个。**提前达到${figureMarker(1, '95.6%')}的年度目标。

| 项目 | 数量 |
| --- | --- |
| 新增学位 | 1234 |

---

结尾段落。
`

/** The run (w:r) that holds a text, so its properties can be read. */
function runOf(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}</w:t>`)
  expect(at, `run with ${text}`).toBeGreaterThan(0)
  return xml.slice(xml.lastIndexOf('<w:r>', at), at)
}
/** The paragraph (w:p) that holds a text. */
function paragraphOf(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}</w:t>`)
  return xml.slice(xml.lastIndexOf('<w:p>', at), at)
}
const fonts = (name: string) =>
  `<w:rFonts w:ascii="${name}" w:cs="${name}" w:eastAsia="${name}" w:hAnsi="${name}"/>`

describe('reportToDocx: GB/T 9704 layout', () => {
  let zip: JSZip
  let xml: string
  beforeAll(async () => {
    const buf = await reportToDocx(parseReport(SOURCE), { footerNote: '（此件公开发布）' })
    expect(buf.subarray(0, 2).toString()).toBe('PK')
    zip = await JSZip.loadAsync(buf)
    xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  })

  it('A4 with the standard margins and the 22 × 28 grid', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
    // 37 / 26 / 35 / 28 mm as Word stores them (points to one decimal): 2098 / 1474 / 1984 / 1588.
    expect(xml).toMatch(
      /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" [^>]*w:footer="1308"/,
    )
    // 12756 twips high / 22 lines → 579; 8844 twips wide / 28 chars = 15.79 pt → −849/4096 pt off 16 pt.
    expect(xml).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>')
  })

  it('title in 22 pt 方正小标宋 centred, two lines; unit in 楷体; the date in Chinese numerals', () => {
    for (const line of ['关于教育振兴工作', '情况的汇报']) {
      const run = runOf(xml, line)
      expect(run).toContain(fonts('方正小标宋简体'))
      expect(run).toContain('<w:sz w:val="44"/>')
      expect(paragraphOf(xml, line)).toContain('<w:jc w:val="center"/>')
    }
    expect(runOf(xml, '某市教育局')).toContain(fonts('楷体_GB2312'))
    expect(runOf(xml, '某市教育局')).toContain('<w:sz w:val="32"/>')
    expect(paragraphOf(xml, '（二〇二三年十一月二十日）')).toContain('<w:jc w:val="center"/>')
  })

  it('headings 黑体 / 楷体 / 仿宋 bold / 仿宋 at 16 pt, indented two characters', () => {
    const h = [
      ['一、总体情况', '黑体', false],
      ['（二）基础教育', '楷体_GB2312', false],
      ['3. 学前教育', '仿宋_GB2312', true],
      ['（4）普惠学位', '仿宋_GB2312', false],
    ] as const
    for (const [text, font, bold] of h) {
      const run = runOf(xml, text)
      expect(run).toContain(fonts(font))
      expect(run).toContain('<w:sz w:val="32"/>')
      expect(run.includes('<w:b/>')).toBe(bold)
      expect(paragraphOf(xml, text)).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>')
    }
  })

  it('body in 16 pt 仿宋 on the grid, bold first sentence, figures as plain text', () => {
    const bold = runOf(xml, '新增普惠学位')
    expect(bold).toContain(fonts('仿宋_GB2312'))
    expect(bold).toContain('<w:b/>')
    expect(bold).toContain('<w:sz w:val="32"/>')
    expect(runOf(xml, '1,234')).toContain('<w:b/>')
    expect(runOf(xml, '95.6%')).not.toContain('<w:b/>')
    expect(paragraphOf(xml, '提前达到')).toContain(
      '<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>',
    )
    expect(xml).not.toMatch(/[\uE000-\uF8FF]/)
    // The page break is carried by the next paragraph.
    expect(paragraphOf(xml, '结尾段落。')).toContain('<w:pageBreakBefore/>')
    expect(runOf(xml, '（此件公开发布）')).toContain('<w:sz w:val="24"/>')
  })

  it('a bordered table with a bold, repeated header row', () => {
    expect(xml).toContain('<w:insideV w:val="single" w:color="000000" w:sz="4"/>')
    expect(xml).toContain('<w:tblHeader/>')
    const head = runOf(xml, '项目')
    expect(head).toContain('<w:b/>')
    expect(head).toContain(fonts('仿宋_GB2312'))
    expect(head).toContain('<w:sz w:val="24"/>')
    expect(runOf(xml, '新增学位')).not.toContain('<w:b/>')
  })

  it('"— 1 —" page numbers in 14 pt 宋体: odd pages right, even pages left', async () => {
    const settings = (await zip.file('word/settings.xml')?.async('string')) ?? ''
    expect(settings).toContain('<w:evenAndOddHeaders/>')
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? ''
    const target = (kind: string) => {
      const id = new RegExp(`<w:footerReference w:type="${kind}" r:id="(\\w+)"/>`).exec(xml)?.[1]
      const file = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]
      return zip.file(`word/${file}`)?.async('string')
    }
    const odd = (await target('default')) ?? ''
    const even = (await target('even')) ?? ''
    for (const [footer, side] of [
      [odd, 'right'],
      [even, 'left'],
    ] as const) {
      expect(footer).toContain(`<w:jc w:val="${side}"/>`)
      expect(footer).toContain(`<w:ind w:${side}="320"/>`)
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>')
      expect(footer).toContain('>— </w:t>')
      expect(footer).toContain('> —</w:t>')
      expect(footer).toContain(fonts('宋体'))
      expect(footer).toContain('<w:sz w:val="28"/>')
    }
  })

  it('sets the default run to 16 pt 仿宋 (the grid is measured against it)', async () => {
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? ''
    expect(styles).toContain(`<w:rPrDefault><w:rPr>${fonts('仿宋_GB2312')}<w:sz w:val="32"/>`)
  })
})

describe('reportToDocx: the public copy', () => {
  it('has no Arabic digit in its text, its date line in words', async () => {
    const doc = mapDocText(parseReport(SOURCE), (s) => s.replace(/[0-9]/g, '*'))
    const zip = await JSZip.loadAsync(await reportToDocx(doc))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    const texts = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|')
    expect(texts).not.toMatch(/[0-9]/)
    expect(texts).toContain('（二〇二三年十一月二十日）')
    expect(texts).toContain('*,***')
  })
})
