/**
 * Formula and script injection through the API (issue 8): ledger text that starts with = + - @
 * comes back from the real export routes as plain, visibly neutralised text (server/spreadsheet/
 * write.ts prefixes an apostrophe), never a formula; script in ledger text and in a report
 * template comes back escaped from the real report routes, in the HTML and inside the Word file.
 * The web side is guarded in web-sinks.test.ts.
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { beforeAll, expect, it } from 'vitest'
import { type Client, forEachDatabase, type Response } from '../harness.js'

const FORMULAS = ['=HYPERLINK("http://x.example","y")', '@SUM(A1)', '+1+1', '-2+3', "=cmd|' /C calc'!A0"]
const SCRIPTS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>']

/** Every cell of every sheet of an .xlsx response, with the raw sheet XML. */
async function cellsOf(res: Response) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
  const bytes = new Uint8Array(res.rawPayload).buffer
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes)
  const cells: ExcelJS.Cell[] = []
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void cells.push(c)))
  const zip = await JSZip.loadAsync(bytes)
  const xml = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => n.startsWith('xl/worksheets/'))
      .map((n) => zip.file(n)?.async('string') ?? ''),
  )
  return { cells, xml: xml.join('\n') }
}

/** The export holds each payload as text that cannot be evaluated: `'` + payload, no formula anywhere. */
async function expectNeutral(res: Response, payloads: string[]) {
  const { cells, xml } = await cellsOf(res)
  expect(xml).not.toMatch(/<f[ >]/) // no formula element in any sheet
  for (const c of cells) {
    expect(c.type, `${c.address}: ${String(c.value)}`).not.toBe(ExcelJS.ValueType.Formula)
    expect(c.formula).toBeFalsy()
    if (typeof c.value === 'string') expect(c.value, c.address).not.toMatch(/^[=+\-@\t\r]/)
  }
  const texts = new Set(cells.map((c) => c.value).filter((v) => typeof v === 'string'))
  for (const p of payloads) expect(texts, p).toContain(`'${p}`)
}

/** A live tag or handler: `<script`, `<img`, an `on…=` attribute inside a tag, a javascript: link. */
const RAW_MARKUP = /<script|<img\b|<[a-z][^>]*\son\w+\s*=|href\s*=\s*["']?javascript:/i

forEachDatabase(
  'injection through the real export and report routes',
  (h) => {
    let office: Client
    let county: Client
    let hepingId = 0
    beforeAll(async () => {
      office = await h.loginAs('dept_gaojiao')
      county = await h.loginAs('county_heping')
      hepingId = (await h.unitByName('和平区')).id
    })

    it('neutralises formula-looking petition text in the ledger export', async () => {
      const cats = (await office.get('/api/petitions/categories')).json().items as {
        id: number
        parentId: number | null
      }[]
      const cat = cats.find((c) => c.parentId === null)
      const dem = cats.find((c) => c.parentId === cat?.id)
      for (const [i, p] of [...FORMULAS, ...SCRIPTS].entries()) {
        const r = await office.post('/api/petitions/cases', {
          caseNo: `INJ-${i}`,
          receivedOn: '2026-11-02',
          channel: 'letter',
          kind: 'claim',
          petitioners: [{ name: p.slice(0, 50) }],
          categoryId: cat?.id,
          demandId: dem?.id,
          summary: p,
          orgUnitId: hepingId,
          level: 'county',
          responsibleUnitId: hepingId,
          responsibleLeader: p.slice(0, 50),
        })
        expect(r.statusCode, r.body).toBe(201)
      }
      await expectNeutral(await office.get('/api/petitions/cases/export.xlsx?q=INJ-'), FORMULAS)
    })

    it('neutralises formula-looking campaign, task and leader names in the key-task export', async () => {
      const c = await county.post('/api/supervision/campaigns', {
        name: FORMULAS[0],
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        aspects: [{ name: '+方面' }],
      })
      expect(c.statusCode, c.body).toBe(201)
      const camp = c.json() as { id: number; aspects: { id: number }[] }
      for (const p of [...FORMULAS.slice(1), ...SCRIPTS]) {
        const r = await county.post('/api/supervision/tasks', {
          campaignId: camp.id,
          aspectId: camp.aspects[0]?.id,
          title: p,
          leadUnitId: hepingId,
          leader: '-王局长',
          startsOn: '2026-03-01',
          deadline: '2026-12-31',
        })
        expect(r.statusCode, r.body).toBe(201)
      }
      const res = await county.get(`/api/supervision/tasks/export.xlsx?campaignId=${camp.id}`)
      await expectNeutral(res, [...FORMULAS, '+方面', '-王局长'])
    })

    it('neutralises formula-looking ledger text in the statistics export', async () => {
      for (const [i, p] of [...FORMULAS, ...SCRIPTS].entries()) {
        const r = await office.post('/api/statistics/ledgers/research_platforms/rows', {
          values: {
            name: p,
            university: `@大学${i}`,
            level: 'province',
            platform_type: p,
            approved_on: `2026-05-0${1 + (i % 9)}`,
          },
        })
        expect(r.statusCode, r.body).toBe(201)
      }
      const res = await office.get('/api/statistics/ledgers/research_platforms/rows/export.xlsx')
      await expectNeutral(res, FORMULAS)
    })

    // A name any county user may give a violation type (ethics.write), shared by every user's template.
    const TYPE_NAME = '=x"&HYPERLINK("http://x.example")&"'
    it('accepts a formula-shaped violation type name and serves the ethics template', async () => {
      const r = await county.post('/api/ethics/violation-types', { name: TYPE_NAME })
      expect(r.statusCode, r.body).toBe(201)
      const t = await office.get('/api/ethics/import-template.xlsx')
      expect(t.statusCode).toBe(200)
      const zip = await JSZip.loadAsync(new Uint8Array(t.rawPayload).buffer)
      // The name is listed for the clerk in the guide sheet, as text prefixed so it is never a formula.
      const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? ''
      const listed = [...strings.matchAll(/<t[^>]*>([^<]*HYPERLINK[^<]*)<\/t>/g)].map((m) => m[1] ?? '')
      expect(listed.length).toBeGreaterThan(0)
      for (const text of listed) expect(text).not.toMatch(/^[=+\-@]/)
    })

    // Found by this test: the drop-down's list was built as `"${options.join(',')}"`, so a `"` in a
    // name stored in the database closed the string and the rest became formula. Fixed in
    // server/spreadsheet/template.ts (such a list gets no drop-down).
    it('keeps database names out of formulas in the ethics import template', async () => {
      const t = await office.get('/api/ethics/import-template.xlsx')
      const zip = await JSZip.loadAsync(new Uint8Array(t.rawPayload).buffer)
      const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? ''
      const lists = [...xml.matchAll(/<formula1>([^<]*)<\/formula1>/g)].map((m) =>
        (m[1] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<'),
      )
      expect(lists.length).toBeGreaterThan(0)
      // Each list is ONE string literal (quotes inside doubled), never an expression.
      for (const f of lists) expect(f).toMatch(/^"(?:[^"]|"")*"$/)
    })

    let snapshotId = 0
    it('escapes script from a template and from ledger text in the report HTML, full and public', async () => {
      const source = [
        '# <script>alert(1)</script>关于平台建设的报告',
        '',
        '正文<img src=x onerror=alert(1)>，详见[链接](javascript:alert(1))。',
        '',
        '{% assign names = "stats.research_platforms" | items: "name" %}',
        '平台：{% for n in names %}{{ n }}；{% endfor %}',
      ].join('\n')
      const t = await office.post('/api/reports/templates', {
        key: 'xss_probe',
        title: '<b>探针</b>',
        source,
      })
      expect(t.statusCode, t.body).toBe(201)
      const preview = await office.post('/api/reports/preview', { source, period: '2026' })
      expect(preview.statusCode, preview.body).toBe(200)
      const r = await office.post('/api/reports/render', { template: 'xss_probe', period: '2026' })
      expect(r.statusCode, r.body).toBe(201)
      snapshotId = (r.json() as { id: number }).id
      const s = (await office.get(`/api/reports/snapshots/${snapshotId}`)).json() as {
        html: string
        publicHtml: string
      }
      const files = ['full', 'public'].map((copy) =>
        office.get(`/api/reports/snapshots/${snapshotId}/document?format=html&copy=${copy}`),
      )
      const pages = [
        (preview.json() as { html: string }).html,
        s.html,
        s.publicHtml,
        ...(await Promise.all(files)).map((f) => f.body),
      ]
      for (const html of pages) {
        expect(html).not.toMatch(RAW_MARKUP)
        expect(html).toContain('&lt;script&gt;alert(')
        expect(html).toContain('&lt;img src=x onerror=alert(')
      }
      // The ledger's own text came through the loop (its "；" separator), escaped: it was printed.
      expect(s.html).toContain('&lt;img src=x onerror=alert(1)&gt;；')
      expect(s.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;；')
    })

    it('writes the same text into the Word files as text, never as markup', async () => {
      for (const copy of ['full', 'public']) {
        const res = await office.get(`/api/reports/snapshots/${snapshotId}/document?format=docx&copy=${copy}`)
        expect(res.statusCode).toBe(200)
        const zip = await JSZip.loadAsync(new Uint8Array(res.rawPayload).buffer)
        const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
        expect(xml.length).toBeGreaterThan(500)
        expect(xml).toContain('&lt;script&gt;')
        expect(xml).toContain('&lt;img src=x onerror=')
        expect(xml).not.toMatch(/<script|<img\b/)
        // Inside <w:t> runs only: the XML stays well formed with the text as text.
        const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
        expect(texts).toContain('&lt;script&gt;')
        expect(texts).toMatch(/&lt;img src=x onerror=alert\(.\)&gt;；/) // the ledger's text, from the loop
      }
    })
  },
  { demo: 'city' },
)
