/**
 * Personal data never reaches the logs: the app runs with the server's own logger settings at
 * debug level, a petition office registers, searches, reveals, mistypes and exports, and the
 * captured log is searched for every personal value by value.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { forEachDatabase, loginAs } from '../../../tests/harness.js'
import { buildApp, loadModules } from '../../app.js'
import { loggerOptions } from '../../http/logger.js'
import type { App } from '../../http/module.js'

const NAME = '欧阳明远'
const ID = '210102198503151235'
const PHONE = '13912345678'
const ADDRESS = '沈阳市和平区南京北街1号'

forEachDatabase(
  'petition log redaction',
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

    it('logs requests, but never a petitioner’s name, ID number, phone or address', async () => {
      const office = await loginAs(app, 'dept_gaojiao', 'Demo@2026')
      const heping = await h.unitByName('和平区')
      const cats = (await office.get('/api/petitions/categories')).json().items as {
        id: number
        parentId: number | null
      }[]
      const cat = cats.find((c) => c.parentId === null)
      const dem = cats.find((c) => c.parentId === cat?.id)
      const body = {
        receivedOn: '2026-11-02',
        channel: 'visit',
        kind: 'claim',
        petitioners: [{ name: NAME, idNumber: ID, phone: PHONE, address: ADDRESS }],
        categoryId: cat?.id,
        demandId: dem?.id,
        summary: '诉求摘要',
        orgUnitId: heping.id,
        level: 'county',
        responsibleUnitId: heping.id,
      }
      const r = await office.post('/api/petitions/cases', body)
      expect(r.statusCode, r.body).toBe(201)
      const id = (r.json() as { id: number }).id
      // A bad request carrying the same data, a search for the name, a full view, an export.
      expect((await office.post('/api/petitions/cases', { ...body, receivedOn: 'x' })).statusCode).toBe(400)
      await office.get(`/api/petitions/cases?q=${encodeURIComponent(NAME)}`)
      await office.get(`/api/petitions/similar?idNumber=${ID}&phone=${PHONE}`)
      const full = await office.get(`/api/petitions/cases/${id}?full=true`)
      expect(full.body).toContain(NAME) // the response has it: the allowed user asked
      await office.get('/api/petitions/cases/export.xlsx')

      const log = lines.join('')
      expect(log).toContain('/api/petitions/cases') // requests are logged
      for (const secret of [NAME, ID, PHONE, ADDRESS, encodeURIComponent(NAME)])
        expect(log).not.toContain(secret)
    })
  },
  { demo: 'city' },
)
