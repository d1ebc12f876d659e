/**
 * Writes a sample report in every format, to look at the layout by eye:
 *
 *   npx tsx server/modules/reports/output/sample.ts [outDir]      (default tmp/report-sample)
 *   soffice --headless --convert-to pdf --outdir tmp/report-sample tmp/report-sample/sample.docx
 *   pdftoppm -png -r 60 tmp/report-sample/sample.pdf tmp/report-sample/page
 *
 * The prose is the seed's (../shared/seed/000_78241f49576b103c.txt) with its stars replaced by
 * made-up digits (and the masked city by a fictional name), so the figures look like real ones.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { publicationMasker } from '../../../../domain/redaction/publication.js'
import { figureMarker, mapDocText, parseReport } from '../../../../domain/report/document.js'
import { reportToDocx } from './docx.js'
import { reportToHtml } from './html.js'
import { reportToMarkdown } from './markdown.js'

const SEED = new URL('../../../../../shared/seed/000_78241f49576b103c.txt', import.meta.url)
const CITY = '江川'

/** The seed's paragraphs, unmasked with made-up figures; every figure marked like the template does. */
function seedParagraphs(): string[] {
  let n = 0
  let figure = 0
  const digits = (len: number) => Array.from({ length: len }, () => String((n++ * 7 + 3) % 10)).join('')
  return readFileSync(SEED, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((line) =>
      line.replace(/\*+(?=市)/g, CITY).replace(/\*+(?:\.\*+)?%?/g, (m) =>
        figureMarker(
          figure++,
          m.replace(/\*/g, () => digits(1)),
        ),
      ),
    )
}

/** The first sentence of a seed paragraph in bold, as the seed's paragraphs are written. */
const boldFirst = (p: string) => p.replace(/^([^。]+。)/, '**$1**')

export function sampleSource(): string {
  const p = seedParagraphs()
  return `# 关于主题教育开展情况
# 和教育振兴工作进展的汇报

@unit ${CITY}市教育局
@date 2023-11-20

${p[2]}

## 一、总体情况

### （一）紧扣目标任务，履职尽责

#### 1. 加快推进高等教育高质量发展

##### （1）产教融合

${boldFirst(p[3] ?? '')}

| 指标 | 2022年 | 2023年 | 增减 |
| --- | --- | --- | --- |
| 新增普惠学位（个） | 1,208 | ${figureMarker(90, '1,234')} | 26 |
| 普惠性幼儿园覆盖率 | 91.2% | ${figureMarker(91, '95.6%')} | **4.4个百分点** |
| 优质特色普通高中占比 | 38% | 42% | 4个百分点 |

## 二、民生热点

${boldFirst(p[4] ?? '')}

${boldFirst(p[5] ?? '')}

---

## 三、下一步工作

${boldFirst(p[6] ?? '')}

1. 加快建设教育强市；
2. 持续巩固“双减”成果。

${p.at(-1) ?? ''}
`
}

async function main() {
  const out = process.argv[2] ?? 'tmp/report-sample'
  mkdirSync(out, { recursive: true })
  const source = sampleSource()
  const doc = parseReport(source)
  const pub = mapDocText(doc, publicationMasker([CITY]).mask)
  writeFileSync(join(out, 'source.md'), source)
  writeFileSync(join(out, 'sample.docx'), await reportToDocx(doc))
  writeFileSync(join(out, 'sample-public.docx'), await reportToDocx(pub, { footerNote: '（公开版）' }))
  writeFileSync(join(out, 'sample.html'), reportToHtml(doc, { figureLinks: true }))
  writeFileSync(join(out, 'sample-public.html'), reportToHtml(pub, {}))
  writeFileSync(join(out, 'sample.md'), reportToMarkdown(doc))
  console.log(`written to ${out}/: sample.docx sample-public.docx sample.html sample-public.html sample.md`)
}

await main()
