import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Notice } from '../types'

/**
 * The notice's parts as the server wrote them (domain/supervision/notice.ts): title, number,
 * blank, body…, blank, issuer, date. Split here only to lay it out like a paper document; an
 * unexpected shape falls back to the plain text.
 */
export function noticeParts(n: Notice) {
  const lines = n.body.split('\n')
  const structured = lines.length >= 5 && lines[0] === n.title && lines[1] === n.noticeNo
  if (!structured) return { head: [] as string[], body: lines, sign: [] as string[] }
  return { head: lines.slice(0, 2), body: lines.slice(3, -3), sign: lines.slice(-2) }
}

const PAPER = { fontFamily: '"FangSong", "STFangsong", "仿宋", serif', fontSize: 16, lineHeight: 1.9 }

/** A notice laid out like the paper it replaces, for reading on screen and printing. */
export function NoticeDocument({ notice }: { notice: Notice }) {
  const { t } = useTranslation()
  const p = noticeParts(notice)
  return (
    <div
      data-testid="notice-document"
      style={{ background: '#fff', padding: '24px 40px', border: '1px solid #f0f0f0', ...PAPER }}
    >
      {notice.level > 0 && (
        <Tag color={notice.level === 2 ? 'red' : 'orange'} style={{ float: 'right' }}>
          {t(`supervision.escalation.${notice.level === 2 ? 'bureau' : 'unit'}`)}
        </Tag>
      )}
      {p.head.length > 0 && (
        <>
          <Typography.Title level={4} style={{ textAlign: 'center', fontFamily: 'inherit', marginBottom: 4 }}>
            {p.head[0]}
          </Typography.Title>
          <div style={{ textAlign: 'center', marginBottom: 16 }}>{p.head[1]}</div>
        </>
      )}
      {p.body.map((line, i) => (
        // Lines are the document's own paragraphs; their order never changes.
        // biome-ignore lint/suspicious/noArrayIndexKey: static text, index is its identity
        <div key={i} style={{ whiteSpace: 'pre-wrap', minHeight: '1em' }}>
          {line}
        </div>
      ))}
      {p.sign.length > 0 && (
        <div style={{ textAlign: 'right', marginTop: 24 }}>
          {p.sign.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
    </div>
  )
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

/** Prints the notice alone, in a window of its own, so the app's frame does not end up on paper. */
export function printNotice(n: Notice): void {
  const p = noticeParts(n)
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(n.noticeNo)}</title>
<style>body{font-family:FangSong,STFangsong,"仿宋",serif;font-size:16pt;line-height:1.8;margin:2.5cm 2.6cm}
h1{font-family:"SimSun","宋体",serif;font-size:20pt;text-align:center;margin:0 0 .3em}.no{text-align:center;margin-bottom:1em}
p{margin:0;white-space:pre-wrap;min-height:1em}.sign{text-align:right;margin-top:2em}</style></head><body>
${p.head.length ? `<h1>${escapeHtml(p.head[0] ?? '')}</h1><div class="no">${escapeHtml(p.head[1] ?? '')}</div>` : ''}
${p.body.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
${p.sign.length ? `<div class="sign">${p.sign.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>` : ''}
</body></html>`
  const w = window.open('', '_blank', 'width=900,height=1000')
  if (!w) return
  w.document.write(html)
  w.document.close()
  w.focus()
  w.print()
}
