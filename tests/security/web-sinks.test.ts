/**
 * The web never turns text into markup by itself (issue 8). React escapes everything it renders;
 * the ways around that are listed here, and each one that exists is allowed only in a file named
 * below, for the reason given, and checked for what makes it safe. A new sink anywhere else
 * fails this test until someone looks at it and adds it here.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const WEB = path.join(root, 'web')

/** Ways to put a string into the page as HTML or code. */
const SINKS =
  /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|srcDoc|srcdoc|\beval\(|new Function\(|createContextualFragment/

const ALLOWED: Record<string, string> = {
  // The html is a whole document written by server/modules/reports/output/html.ts, which escapes
  // every text (tests/security/injection.test.ts proves it through /api/reports/preview and
  // /api/reports/snapshots/:id, the two sources of this prop); the frame runs no script at all.
  'web/features/reports/preview/ReportFrame.tsx':
    'srcDoc: the server-escaped report page, in a script-less sandbox',
  // Printing a supervision notice in its own window; every value goes through escapeHtml.
  'web/features/supervision/board/NoticeDocument.tsx': 'document.write: the notice, each value escaped',
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules' || e.name.startsWith('.')) continue
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...sourceFiles(p))
    else if (/\.(tsx?|jsx?|html)$/.test(e.name)) out.push(p)
  }
  return out
}

/** The `${…}` expressions of a template literal source, with nested ones listed separately. */
function interpolations(text: string): string[] {
  const found: string[] = []
  for (let i = text.indexOf('${'); i >= 0; i = text.indexOf('${', i + 2)) {
    let depth = 1
    let j = i + 2
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === '{') depth++
      else if (text[j] === '}') depth--
    }
    found.push(text.slice(i + 2, j - 1))
  }
  return found
}

describe('HTML and code sinks in web/', () => {
  const files = sourceFiles(WEB).map((f) => ({
    rel: path.relative(root, f),
    text: fs.readFileSync(f, 'utf8'),
  }))

  it('scans the web sources', () => {
    expect(files.length).toBeGreaterThan(50)
  })

  it('has no dangerouslySetInnerHTML at all, and other sinks only where allowed', () => {
    const offenders = files.filter((f) => SINKS.test(f.text)).map((f) => f.rel)
    expect(files.filter((f) => f.text.includes('dangerouslySetInnerHTML'))).toEqual([])
    expect(offenders.filter((f) => !(f in ALLOWED))).toEqual([])
  })

  it('keeps the report frame without scripts', () => {
    const f = files.find((x) => x.rel === 'web/features/reports/preview/ReportFrame.tsx')
    if (!f) return // gone: nothing to check
    const sandbox = /sandbox="([^"]*)"/.exec(f.text)
    expect(sandbox, 'the frame has a sandbox attribute').not.toBeNull()
    expect(sandbox?.[1]).not.toMatch(/allow-scripts|allow-top-navigation|allow-popups/)
  })

  it('escapes every value written into the printed notice', () => {
    const f = files.find((x) => x.rel === 'web/features/supervision/board/NoticeDocument.tsx')
    if (!f) return
    const start = f.text.indexOf('const html = `')
    const end = f.text.indexOf('document.write', start)
    expect(start).toBeGreaterThan(0)
    const built = f.text.slice(start, end)
    const leaves = interpolations(built).filter((e) => !e.includes('`'))
    expect(leaves.length).toBeGreaterThan(3)
    // A leaf (an interpolation with no template of its own inside) must be an escaped value.
    for (const e of leaves) expect(e.trim(), e).toMatch(/^escapeHtml\(/)
    // And the escaper covers the characters that open a tag, an entity or an attribute value.
    expect(f.text).toMatch(/escapeHtml = \(s: string\) =>\s*s\.replace\(\/\[&<>"'?\]\/g/)
  })
})
