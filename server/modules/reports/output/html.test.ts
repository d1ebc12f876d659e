import { describe, expect, it } from 'vitest'
import { figureMarker, mapDocText, parseReport } from '../../../../domain/report/document.js'
import { reportToHtml } from './html.js'

const SOURCE = `# 关于<script>alert(1)</script>的汇报
# 第二行

@unit 某局 & "单位"
@date 2023-11-20

## 一、总体情况

**新增学位${figureMarker(0, '1,234')}个。**达到${figureMarker(1, '95.6%')}。<img src=x onerror=alert(1)>

| 项目 | 说明 |
| --- | --- |
| 甲 | <script>alert('cell')</script> |

---

- 要点
`

describe('reportToHtml', () => {
  const html = reportToHtml(parseReport(SOURCE), { figureLinks: true })

  it('escapes every text: titles, unit, paragraphs and table cells', () => {
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).toContain('<h1>关于')
    expect(html).toContain('关于&lt;script&gt;alert(1)&lt;/script&gt;的汇报<br>第二行')
    expect(html).toContain('<p class="unit">某局 &amp; &quot;单位&quot;</p>')
    expect(html).toContain('<td>&lt;script&gt;alert(&#39;cell&#39;)&lt;/script&gt;</td>')
    expect(html).toContain('。&lt;img src=x onerror=alert(1)&gt;</p>')
    expect(html).toContain('<title>关于&lt;script&gt;alert(1)&lt;/script&gt;的汇报第二行</title>')
  })

  it('is a complete document with the date line, headings, table, list and page break', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('<p class="date head-end">（二〇二三年十一月二十日）</p>')
    expect(html).toContain('<h2>一、总体情况</h2>')
    expect(html).toContain('<thead><tr><th>项目</th><th>说明</th></tr></thead>')
    expect(html).toContain('<div class="page-break"></div>')
    expect(html).toContain('<ul><li>• 要点</li></ul>')
    expect(html.trim().endsWith('</html>')).toBe(true)
  })

  it('marks figures as clickable spans only when asked', () => {
    expect(html).toContain(
      '<p><strong>新增学位<span class="figure" data-figure="0" title="点击查看数据来源">1,234</span>个。</strong>达到',
    )
    expect(html).toContain('达到<span class="figure" data-figure="1" title="点击查看数据来源">95.6%</span>。')
    const plain = reportToHtml(parseReport(SOURCE), {})
    expect(plain).not.toContain('data-figure="')
    expect(plain).toContain('达到95.6%。')
    expect(reportToHtml(parseReport(SOURCE), { figureLinks: true, lang: 'en' })).toContain(
      'title="Click to see where this figure comes from"',
    )
  })

  it('carries print CSS: A4 page with the official margins, page numbers, Chinese fonts with fallbacks', () => {
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }')
    expect(html).toContain('@bottom-right { content: "— " counter(page) " —"')
    expect(html).toContain('@bottom-left { content: "— " counter(page) " —"')
    expect(html).toContain('"仿宋_GB2312", "仿宋", FangSong, STFangsong')
    expect(html).toContain('"方正小标宋简体"')
    expect(html).toContain('@media print')
    expect(html).toContain('break-after: page')
  })

  it('the public copy shows stars and the date in words, no digit in the text', () => {
    const pub = reportToHtml(
      mapDocText(parseReport(SOURCE), (s) => s.replace(/[0-9]/g, '*')),
      {},
    )
    const body = pub
      .slice(pub.indexOf('<body>'))
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;/g, "'")
    expect(body).not.toMatch(/[0-9]/)
    expect(body).toContain('（二〇二三年十一月二十日）')
    expect(body).toContain('新增学位*,***个。')
  })
})
