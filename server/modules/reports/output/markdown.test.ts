import { describe, expect, it } from 'vitest'
import { figureMarker, mapDocText, parseReport, plainText } from '../../../../domain/report/document.js'
import { reportToMarkdown } from './markdown.js'

const SOURCE = `# 关于工作的汇报

@unit 某市教育局
@date 2023-11-20

## 一、总体情况

**新增学位${figureMarker(0, '1,234')}个。**达到${figureMarker(1, '95.6%')}，共_3_所。

1. 甲
2. 乙

| 项目 | 数量 |
| --- | --- |
| a\\|b | ${figureMarker(2, '12')} |

---

尾。
`

describe('reportToMarkdown', () => {
  const doc = parseReport(SOURCE)
  const md = reportToMarkdown(doc)

  it('writes clean Markdown: no markers, the date in words, bold runs whole', () => {
    expect(md).toBe(
      `${[
        '# 关于工作的汇报',
        '某市教育局',
        '（二〇二三年十一月二十日）',
        '## 一、总体情况',
        '**新增学位1,234个。**达到95.6%，共\\_3\\_所。',
        '1. 甲\n2. 乙',
        '| 项目 | 数量 |\n| --- | --- |\n| a\\|b | 12 |',
        '---',
        '尾。',
      ].join('\n\n')}\n`,
    )
  })

  it('reads back to the same text and blocks (figures as text, unit and date as paragraphs)', () => {
    const back = parseReport(md)
    expect(plainText(back)).toBe(plainText(doc))
    expect(back.blocks.slice(2).map((b) => b.kind)).toEqual(doc.blocks.map((b) => b.kind))
    expect(reportToMarkdown(parseReport('第一行\\\n2. 不是列表\n\n\\# 不是标题'))).toBe(
      '第一行\\\n2\\. 不是列表\n\n\\# 不是标题\n',
    )
  })

  it('escapes a masked copy so its stars stay stars, list numbers included', () => {
    const pub = reportToMarkdown(mapDocText(doc, (s) => s.replace(/[0-9]/g, '*')))
    expect(pub).toContain('**新增学位\\*,\\*\\*\\*个。**达到\\*\\*.\\*%')
    expect(pub).toContain('\\*. 甲\n\n\\*. 乙')
    expect(pub).not.toMatch(/[0-9]/)
    const back = parseReport(pub)
    expect(back.blocks[3]).toEqual({
      kind: 'paragraph',
      inlines: [
        { kind: 'bold', text: '新增学位*,***个。' },
        { kind: 'text', text: '达到**.*%，共_*_所。' },
      ],
    })
  })
})
