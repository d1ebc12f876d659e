/**
 * Reports through the API on the city demo: the built-in templates render; a template naming what
 * does not exist is refused at save with its line; each save is a version; a rendering is a
 * snapshot that stays the same after the data change; its Word file and its public copy, whose
 * digits and names are masked (an ethics teacher's name included, never stored); scope.
 */
import { beforeAll, expect, it } from 'vitest'
import { type Client, errorOf, forEachDatabase } from '../../../tests/harness.js'
import { categoryIds, problemBody, violationTypeIds } from '../rectification/testing.js'

const TEACHER = '欧阳明远'

forEachDatabase(
  'reports',
  (h) => {
    let dept: Client
    let county: Client
    let leader: Client
    beforeAll(async () => {
      dept = await h.loginAs('dept_gaojiao')
      county = await h.loginAs('county_heping')
      leader = await h.loginAs('leader')
      // A teacher-ethics case in 和平区: his name must never reach a public copy.
      const types = await violationTypeIds(county)
      const school = await h.buildSchool({
        countyId: (await h.unitByName('和平区')).id,
        name: '和平区启明小学',
      })
      const r = await county.post('/api/ethics/cases', {
        teacherName: TEACHER,
        teacherIdNumber: '210102198503151235',
        schoolId: school.id,
        occurredOn: '2026-03-15',
        violationTypeId: types.有偿补课,
        finding: '组织学生有偿补课。',
        handling: 'demerit',
      })
      expect(r.statusCode, r.body).toBe(201)
    })

    it('ships three built-in templates that check clean', async () => {
      const r = await dept.get('/api/reports/templates')
      expect(r.statusCode).toBe(200)
      const keys = (r.json() as { items: { key: string; builtin: boolean }[] }).items.map((t) => t.key)
      expect(keys).toEqual(
        expect.arrayContaining(['campaign_summary', 'petition_bulletin', 'balance_monitoring']),
      )
      for (const key of ['campaign_summary', 'petition_bulletin', 'balance_monitoring']) {
        const t = (await dept.get(`/api/reports/templates/${key}`)).json() as { source: string }
        const c = await dept.post('/api/reports/templates/check', { source: t.source })
        expect(c.json(), key).toEqual({ problems: [] })
      }
    })

    it('refuses at save a template naming a missing indicator, with the line; keeps every version', async () => {
      let r = await dept.post('/api/reports/templates', {
        key: 'weekly_note',
        title: '周报',
        source:
          '# 周报\n\n招聘会{{ "stats.job_fairs" | figure | integer }}场\n{{ "stats.no_such" | figure }}',
      })
      expect(r.statusCode).toBe(400)
      const err = errorOf(r)
      expect(err.code).toBe('report_template_invalid')
      expect(err.fields?.[0]?.message).toContain('第 4 行')
      expect(err.fields?.[0]?.message).toContain('stats.no_such')

      r = await dept.post('/api/reports/templates', {
        key: 'weekly_note',
        title: '周报',
        source: '# 周报\n\n招聘会{{ "stats.job_fairs" | figure | integer }}场。',
      })
      expect(r.statusCode, r.body).toBe(201)
      r = await dept.patch('/api/reports/templates/weekly_note', {
        version: 1,
        source: '# 周报\n\n全年举办招聘会{{ "stats.job_fairs" | figure | integer }}场。',
        note: '改写',
      })
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json()).toMatchObject({
        currentVersion: 2,
        history: [{ versionNo: 2, note: '改写' }, { versionNo: 1 }],
      })
      // A leader reads reports but does not write templates.
      expect(
        (await leader.patch('/api/reports/templates/weekly_note', { version: 2, title: 'x' })).statusCode,
      ).toBe(403)
    })

    let snapshotId = 0
    it('renders the campaign report into a snapshot with every figure’s provenance', async () => {
      const preview = await dept.post('/api/reports/preview', {
        source:
          '招聘会{{ "stats.job_fairs" | figure | integer }}场，岗位{{ "stats.job_fair_positions" | figure | about }}个。',
        period: '2026',
      })
      expect(preview.statusCode, preview.body).toBe(200)
      const p = preview.json() as {
        html: string
        figures: { key: string; source: { kind: string; ref: string } }[]
      }
      expect(p.html).toContain('data-figure="0"')
      expect(p.figures[0]).toMatchObject({
        key: 'stats.job_fairs',
        source: { kind: 'ledger', ref: 'job_fairs' },
      })

      const r = await dept.post('/api/reports/render', { template: 'campaign_summary', period: '2026' })
      expect(r.statusCode, r.body).toBe(201)
      snapshotId = (r.json() as { id: number }).id
      const s = (await dept.get(`/api/reports/snapshots/${snapshotId}`)).json() as {
        html: string
        publicHtml: string
        figureList: { key: string; value: number; source: { kind: string } }[]
        terms: { org: number; personal: number }
      }
      expect(s.figureList.length).toBeGreaterThan(30)
      expect(s.figureList.map((f) => f.key)).toEqual(
        expect.arrayContaining(['supervision.tasks', 'petitions.received', 'stats.tech_transfer_contracts']),
      )
      expect(s.html).toContain('主题教育工作情况汇报')
      // The public copy: no Arabic digit, no unit name, and no name kept anywhere in the snapshot.
      const body = s.publicHtml.slice(s.publicHtml.indexOf('<body'))
      const visible = body.replace(/<[^>]*>/g, '').replace(/&[a-z#0-9]+;/g, '')
      expect(visible).not.toMatch(/[0-9]/)
      expect(visible).not.toContain('示例市')
      // People's names are looked for in the text itself (by their hashes): none occurs in this one.
      expect(s.terms.personal).toBe(0)
      expect(JSON.stringify(s)).not.toContain(TEACHER)
    })

    it('loops over the names behind a count: the counties whose coefficient rose', async () => {
      const r = await dept.post('/api/reports/preview', {
        source:
          '{% assign cs = "balance.counties_composite_rose" | items %}' +
          '{{ "balance.counties_composite_rose" | figure | integer }}个：{% for c in cs %}{{ c }}{% unless forloop.last %}、{% endunless %}{% endfor %}',
        period: '2026',
      })
      expect(r.statusCode, r.body).toBe(200)
      const text = (r.json() as { html: string }).html.replace(/<[^>]*>/g, '')
      const m = /(\d+)个：([^<\n]*)/.exec(text)
      const names = (m?.[2] ?? '').trim().split('、').filter(Boolean)
      expect(Number(m?.[1])).toBeGreaterThan(0)
      expect(names).toHaveLength(Number(m?.[1]))
      const warnings = (await dept.get('/api/balance/warnings?year=2026')).json() as {
        items: { county: string }[]
      }
      expect(new Set(names)).toEqual(new Set(warnings.items.map((w) => w.county)))
      // A figure with no list behind it is refused when rendered, naming it.
      const bad = await dept.post('/api/reports/preview', {
        source: '{% assign xs = "petitions.received" | items %}{{ xs | size }}',
        period: '2026',
      })
      expect(bad.statusCode).toBe(400)
      expect(errorOf(bad).message).toContain('petitions.received')
    })

    it('gives the same document after the data change', async () => {
      const before = (await dept.get(`/api/reports/snapshots/${snapshotId}/document?format=md`)).body
      // One more problem found: a new rendering says so, the kept one does not change.
      // Time passes between the first rendering and the change (values are cached by data time).
      h.clock.advance(60_000)
      const cats = await categoryIds(dept)
      const heping = (await h.unitByName('和平区')).id
      const p = await dept.post(
        '/api/rectification/problems',
        problemBody({ categoryId: cats.工作作风 as number, responsibleUnitId: heping }),
      )
      expect(p.statusCode, p.body).toBe(201)
      h.clock.advance(60_000)
      const again = (await dept.get(`/api/reports/snapshots/${snapshotId}/document?format=md`)).body
      expect(again).toBe(before)
      const fresh = (
        await dept.post('/api/reports/render', { template: 'campaign_summary', period: '2026' })
      ).json() as {
        id: number
      }
      const after = (await dept.get(`/api/reports/snapshots/${fresh.id}/document?format=md`)).body
      expect(after).not.toBe(before)
    })

    it('writes Word files, full and public, and keeps county users to their own scope', async () => {
      const full = await dept.get(`/api/reports/snapshots/${snapshotId}/document?format=docx`)
      expect(full.statusCode).toBe(200)
      expect(full.rawPayload.subarray(0, 2).toString()).toBe('PK')
      const pub = await dept.get(`/api/reports/snapshots/${snapshotId}/document?format=docx&copy=public`)
      expect(pub.statusCode).toBe(200)
      expect(decodeURIComponent(String(pub.headers['content-disposition']))).toContain('公开版')
      // The city's report is not the county's to read.
      expect((await county.get(`/api/reports/snapshots/${snapshotId}`)).statusCode).toBe(404)
      const list = (await county.get('/api/reports/snapshots')).json() as { items: { id: number }[] }
      expect(list.items.map((i) => i.id)).not.toContain(snapshotId)
    })

    it('renders as a job too, with its progress, the result naming the snapshot', async () => {
      const r = await dept.post('/api/reports/render-jobs', {
        template: 'petition_bulletin',
        period: '2026-11',
      })
      expect(r.statusCode, r.body).toBe(202)
      const job = (r.json() as { job: { id: number } }).job
      await h.services.jobs.idle()
      const done = (await dept.get(`/api/jobs/${job.id}`)).json() as {
        status: string
        progress: number
        total: number
        result: { snapshotId: number }
      }
      expect(done).toMatchObject({ status: 'succeeded', progress: 3, total: 3 })
      const s = await dept.get(`/api/reports/snapshots/${done.result.snapshotId}`)
      expect(s.json()).toMatchObject({ template: 'petition_bulletin', period: '2026-11' })
      // An unknown template is refused at once, not in the job.
      expect(
        (await dept.post('/api/reports/render-jobs', { template: 'no_such', period: '2026' })).statusCode,
      ).toBe(404)
    })

    it('redacts any text: publication and personal modes, with reviewed terms', async () => {
      let r = await dept.post('/api/reports/terms', { term: '兴辽', kind: 'place' })
      expect(r.statusCode, r.body).toBe(201)
      r = await dept.post('/api/redact', { text: '示例市和平区“兴辽未来工匠”培育基地12个，增长95.6%。' })
      expect(r.json()).toEqual({ text: '******“**未来工匠”培育基地**个，增长**.*%。' })
      // A petitioner registered after the names were first read is masked too (the cache follows the ledger).
      const cats = (await dept.get('/api/petitions/categories')).json().items as {
        id: number
        parentId: number | null
      }[]
      const category = cats.find((c) => c.parentId === null)
      const demand = cats.find((c) => c.parentId === category?.id)
      const heping = (await h.unitByName('和平区')).id
      h.clock.advance(60_000)
      const c = await dept.post('/api/petitions/cases', {
        receivedOn: '2026-11-20',
        channel: 'phone',
        kind: 'claim',
        petitioners: [{ name: '司马青衫' }],
        categoryId: category?.id,
        demandId: demand?.id,
        orgUnitId: heping,
        level: 'county',
        responsibleUnitId: heping,
      })
      expect(c.statusCode, c.body).toBe(201)
      r = await dept.post('/api/redact', { text: '来信人司马青衫反映…' })
      expect(r.json()).toEqual({ text: '来信人****反映…' })
      r = await county.post('/api/redact', {
        text: `${TEACHER}，身份证210102198503151235，电话13812345678，补课3200元。`,
        mode: 'personal',
      })
      expect(r.json()).toEqual({ text: '欧***，身份证2***************35，电话138****5678，补课3200元。' })
    })
  },
  { demo: 'city' },
)
