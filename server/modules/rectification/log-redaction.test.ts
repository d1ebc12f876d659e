/**
 * A teacher's personal data never reaches the logs: the app runs with the server's own logger
 * settings at debug level, a county bureau registers a case, mistypes it, searches by ID number,
 * reveals, corrects, publishes and exports, imports a sheet (good, then bad), and the captured log
 * is searched for every value.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { forEachDatabase, loginAs, upload } from '../../../tests/harness.js'
import { buildApp, loadModules } from '../../app.js'
import { loggerOptions } from '../../http/logger.js'
import type { App } from '../../http/module.js'
import { violationTypeIds } from './testing.js'

const NAME = '司马文涛'
const ID = '210102198503151235'
const NEW_NAME = '上官婉清'

forEachDatabase(
  'ethics log redaction',
  (h) => {
    const lines: string[] = []
    let app: App
    beforeAll(async () => {
      app = await buildApp({
        services: h.services,
        modules: await loadModules(),
        serveWeb: false,
        logger: loggerOptions('debug', { write: (m) => void lines.push(m) }),
      })
      await app.ready()
    })
    afterAll(() => app.close())

    it('logs requests, but never a teacher’s name or ID number', async () => {
      const county = await loginAs(app, 'county_heping', 'Demo@2026')
      const types = await violationTypeIds(county)
      const heping = await h.unitByName('和平区')
      const body = {
        teacherName: NAME,
        teacherIdNumber: ID,
        schoolId: heping.id,
        occurredOn: '2026-05-06',
        violationTypeId: types.不当言论,
        finding: `${NAME}（身份证号${ID}）在课堂上发表不当言论。`,
        handling: 'warning',
        handlingDetail: `责令${NAME}作出书面检查`,
      }
      const r = await county.post('/api/ethics/cases', body)
      expect(r.statusCode, r.body).toBe(201)
      const d = r.json() as { id: number; version: number }
      // A bad request carrying the same data, a search by ID, a full view, a correction, publication, export.
      expect((await county.post('/api/ethics/cases', { ...body, occurredOn: 'x' })).statusCode).toBe(400)
      expect(
        (await county.post('/api/ethics/cases', { ...body, teacherIdNumber: `${ID.slice(0, 17)}0` }))
          .statusCode,
      ).toBe(400)
      await county.get(`/api/ethics/cases?teacherIdNumber=${ID}&q=${encodeURIComponent(NAME)}`)
      const full = await county.get(`/api/ethics/cases/${d.id}?full=true`)
      expect(full.body).toContain(NAME) // the response has it: the allowed user asked
      const p = await county.patch(`/api/ethics/cases/${d.id}`, {
        version: d.version,
        teacherName: NEW_NAME,
        published: true,
      })
      expect(p.statusCode, p.body).toBe(200)
      await county.get(`/api/ethics/cases/${d.id}/public`)
      await county.get('/api/ethics/export.xlsx')

      const log = lines.join('')
      expect(log).toContain('/api/ethics/cases') // requests are logged
      for (const secret of [NAME, NEW_NAME, ID, encodeURIComponent(NAME), encodeURIComponent(NEW_NAME)])
        expect(log).not.toContain(secret)
    })

    it('logs an import of cases, good or refused, without a teacher’s name or ID number', async () => {
      const county = await loginAs(app, 'county_heping', 'Demo@2026')
      const sheet = async (caseNo: string, id: string | number) => {
        const wb = new ExcelJS.Workbook()
        const ws = wb.addWorksheet('案件')
        ws.addRow([
          '案件编号',
          '教师姓名',
          '身份证号',
          '学校',
          '发生日期',
          '违规类型',
          '查实情况',
          '处理结果',
        ])
        ws.addRow([caseNo, NAME, id, '和平区', '2026-05-06', '不当言论', `${NAME}发表不当言论。`, '警告'])
        return Buffer.from(await wb.xlsx.writeBuffer())
      }
      const before = lines.length
      for (const file of [await sheet('LOG-1', ID), await sheet('LOG-2', 2.10102198503151e17)]) {
        const r = await upload(county, '/api/ethics/import', `${NAME}.xlsx`, file)
        expect(r.statusCode, r.body).toBe(202)
        await h.services.jobs.idle()
        const job = await county.get(`/api/jobs/${r.json().job.id}`)
        expect(job.statusCode).toBe(200)
      }
      const statuses = await h.db
        .selectFrom('jobs')
        .select('status')
        .where('kind', '=', 'ethics.import')
        .execute()
      expect(statuses.map((j) => j.status).sort()).toEqual(['failed', 'succeeded'])

      const log = lines.slice(before).join('')
      expect(log).toContain('/api/ethics/import')
      for (const secret of [NAME, ID, encodeURIComponent(NAME)]) expect(log).not.toContain(secret)
    })
  },
  { demo: 'city' },
)
