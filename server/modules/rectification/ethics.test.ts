/**
 * Teacher-ethics cases through the API, on the city demo: the teacher's personal data sealed and
 * masked, the audited full view for `ethics.personal` roles only, the public summary of a
 * published case, scope, search by ID number, the masked export.
 */
import ExcelJS from 'exceljs'
import { beforeAll, expect, it } from 'vitest'
import { type Client, errorOf, forEachDatabase } from '../../../tests/harness.js'
import type { OrgUnit } from '../org/schema.js'
import type { EthicsCaseDetail } from './schema.js'
import { violationTypeIds } from './testing.js'

const NAME = '张三丰'
const ID = '210102198503151235'
const FINDING = `${NAME}在和平区晨曦小学任教期间组织学生有偿补课，收取费用9600元。`

forEachDatabase(
  'teacher-ethics cases',
  (h) => {
    let county: Client
    let leader: Client
    let auditor: Client
    let school: Client
    let types: Record<string, number>
    let chenxi: OrgUnit
    let shenheSchool: OrgUnit
    beforeAll(async () => {
      county = await h.loginAs('county_heping')
      leader = await h.loginAs('leader')
      auditor = await h.loginAs('auditor_demo')
      school = await h.loginAs('school_demo')
      types = await violationTypeIds(county)
      chenxi = await h.buildSchool({ countyId: (await h.unitByName('和平区')).id, name: '和平区晨曦小学' })
      shenheSchool = await h.buildSchool({
        countyId: (await h.unitByName('沈河区')).id,
        name: '沈河区晨光小学',
      })
    })

    const register = async (over: Record<string, unknown> = {}, as = county) => {
      const r = await as.post('/api/ethics/cases', {
        teacherName: NAME,
        teacherIdNumber: ID,
        schoolId: chenxi.id,
        occurredOn: '2026-03-15',
        violationTypeId: types.有偿补课,
        finding: FINDING,
        handling: 'demerit',
        handlingDetail: `取消${NAME}年度评优资格`,
        handledOn: '2026-04-20',
        ...over,
      })
      expect(r.statusCode, r.body).toBe(201)
      return r.json() as EthicsCaseDetail
    }

    it('seeds the violation types', () => {
      expect(Object.keys(types)).toEqual([
        '有偿补课',
        '体罚学生',
        '收受礼品礼金',
        '学术不端',
        '不当言论',
        '其他',
      ])
    })

    it('registers a case masked: 张**, the region-and-last-4 ID, the finding with the name masked', async () => {
      const d = await register()
      expect(d).toMatchObject({
        caseNo: expect.stringMatching(/^SD2026\d{4}$/),
        teacherName: '张**',
        teacherIdNumber: '210102********1235',
        school: '和平区晨曦小学',
        violationType: '有偿补课',
        handling: 'demerit',
        handlingLabel: '记过',
        finding: '张**在和平区晨曦小学任教期间组织学生有偿补课，收取费用9600元。',
        handlingDetail: '取消张**年度评优资格',
        published: false,
        publicSummary: null,
        personalMasked: true,
        canSeePersonal: true,
      })
      const body = JSON.stringify(d)
      expect(body).not.toContain(NAME)
      expect(body).not.toContain('198503151235')
      const list = await county.get(`/api/ethics/cases?schoolId=${chenxi.id}`)
      expect(list.body).not.toContain(NAME)
      expect(list.json().items[0]).toMatchObject({
        teacherName: '张**',
        teacherIdNumber: '210102********1235',
      })
    })

    it('keeps the teacher’s name, ID number and the finding out of the database in clear', async () => {
      const rows = await h.db.selectFrom('ethics_cases').selectAll().execute()
      const text = JSON.stringify(rows)
      expect(text).not.toContain(NAME)
      expect(text).not.toContain(ID)
      expect(
        rows.every((r) => r.teacher_name_enc?.startsWith('v1:') && r.finding_enc?.startsWith('v1:')),
      ).toBe(true)
      const audit = await h.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute()
      expect(JSON.stringify(audit)).not.toContain(NAME)
      expect(JSON.stringify(audit)).not.toContain(ID)
    })

    it('shows the full data only on request to ethics.personal roles in scope, and audits every such view', async () => {
      const d = await register()
      const count = async () =>
        (
          await h.db
            .selectFrom('audit_log')
            .select(['actor_name', 'after_json'])
            .where('action', '=', 'ethics.reveal')
            .where('entity_id', '=', String(d.id))
            // In the order they happened: PostgreSQL returns rows in no particular order otherwise.
            .orderBy('id')
            .execute()
        ).map((a) => a.actor_name)
      expect(await count()).toEqual([])
      let r = await county.get(`/api/ethics/cases/${d.id}?full=true`)
      expect(r.statusCode).toBe(200)
      expect(r.json()).toMatchObject({
        teacherName: NAME,
        teacherIdNumber: ID,
        finding: FINDING,
        personalMasked: false,
      })
      r = await leader.get(`/api/ethics/cases/${d.id}?full=true`)
      expect(r.json()).toMatchObject({ teacherName: NAME })
      expect(await count()).toEqual(['county_heping', 'leader'])
      // A plain view is not audited.
      await county.get(`/api/ethics/cases/${d.id}`)
      expect(await count()).toHaveLength(2)

      // ethics.read without ethics.personal: masked view yes, full view refused.
      for (const c of [auditor, await h.admin()]) {
        r = await c.get(`/api/ethics/cases/${d.id}`)
        expect(r.statusCode).toBe(200)
        expect(r.json()).toMatchObject({ teacherName: '张**', canSeePersonal: false })
        r = await c.get(`/api/ethics/cases/${d.id}?full=true`)
        expect(r.statusCode).toBe(403)
        expect(errorOf(r)).toMatchObject({
          code: 'ethics_personal_forbidden',
          message: '您的角色不能查看涉事教师的完整信息',
        })
      }
      expect(await count()).toHaveLength(2)
      // No ethics.read at all.
      expect((await school.get(`/api/ethics/cases/${d.id}`)).statusCode).toBe(403)
      expect((await school.get('/api/ethics/cases')).statusCode).toBe(403)
    })

    it('publishes a case with a public summary: 张某, the school masked, no ID', async () => {
      let d = await register()
      expect((await county.get(`/api/ethics/cases/${d.id}/public`)).statusCode).toBe(404)
      const r = await county.patch(`/api/ethics/cases/${d.id}`, { version: d.version, published: true })
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      const summary =
        '*****小学教师张某有偿补课问题。' +
        '2026年3月，张某在*****小学任教期间组织学生有偿补课，收取费用9600元。' +
        '给予张某记过处分，取消张某年度评优资格。'
      expect(d).toMatchObject({ published: true, publishedOn: '2026-11-27', publicSummary: summary })
      // Readable by every signed-in user (it is meant for circulation), not by the anonymous.
      for (const c of [school, await h.loginAs('expert_demo'), auditor]) {
        const p = await c.get(`/api/ethics/cases/${d.id}/public`)
        expect(p.statusCode).toBe(200)
        expect(p.json()).toEqual({
          id: d.id,
          caseNo: d.caseNo,
          violationType: '有偿补课',
          handling: 'demerit',
          occurredIn: '2026-03',
          publishedOn: '2026-11-27',
          publicSummary: summary,
        })
      }
      expect((await h.anonymous().get(`/api/ethics/cases/${d.id}/public`)).statusCode).toBe(401)
      const audit = await h.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'ethics_case')
        .where('entity_id', '=', String(d.id))
        .orderBy('id')
        .execute()
      expect(audit.map((a) => a.action)).toEqual(['ethics.register', 'ethics.publish'])
    })

    it('re-seals on correction and remakes the summary from the corrected facts', async () => {
      let d = await register({ published: true })
      const r = await county.patch(`/api/ethics/cases/${d.id}`, {
        version: d.version,
        teacherName: '欧阳明远',
        finding: '欧阳明远体罚学生，造成学生轻微伤。',
        violationTypeId: types.体罚学生,
        handling: 'warning',
        handlingDetail: '',
      })
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d).toMatchObject({
        teacherName: '欧***',
        finding: '欧***体罚学生，造成学生轻微伤。',
        publicSummary:
          '*****小学教师欧阳某体罚学生问题。2026年3月，欧阳某体罚学生，造成学生轻微伤。给予欧阳某警告处分。',
      })
      const full = (await county.get(`/api/ethics/cases/${d.id}?full=true`)).json()
      expect(full).toMatchObject({ teacherName: '欧阳明远', teacherIdNumber: ID })
    })

    it('finds the same teacher again by ID number, through the keyed hash', async () => {
      const other = await register({
        teacherIdNumber: '21010219900101004X',
        teacherName: '李四',
        finding: '李四收受学生家长购物卡。',
        violationTypeId: types.收受礼品礼金,
        handlingDetail: '',
      })
      const r = await county.get('/api/ethics/cases?teacherIdNumber=21010219900101004x')
      expect((r.json().items as { id: number }[]).map((c) => c.id)).toEqual([other.id])
    })

    it('refuses a bad ID number and a future date, naming the fields', async () => {
      const r = await county.post('/api/ethics/cases', {
        teacherName: NAME,
        teacherIdNumber: '210102198503151234',
        schoolId: chenxi.id,
        occurredOn: '2027-01-01',
        violationTypeId: types.其他,
        finding: '无',
        handling: 'other',
      })
      expect(r.statusCode).toBe(400)
      expect(
        errorOf(r)
          .fields?.map((f) => f.field)
          .sort(),
      ).toEqual(['occurredOn', 'teacherIdNumber'])
      expect(r.body).not.toContain('210102198503151234')
    })

    it('keeps another county’s cases out of sight: 404, and out of the list', async () => {
      // The leader has no ethics.write: the 沈河区 county user records it.
      expect((await leader.post('/api/ethics/cases', {})).statusCode).toBe(400)
      expect(
        (
          await leader.post('/api/ethics/cases', {
            teacherName: NAME,
            schoolId: shenheSchool.id,
            occurredOn: '2026-03-15',
            violationTypeId: types.其他,
            finding: '无',
            handling: 'other',
          })
        ).statusCode,
      ).toBe(403)
      const u = await h.buildUser({ role: 'county', orgUnitId: (await h.unitByName('沈河区')).id })
      const shenhe = await h.loginAs(u.username, u.password)
      const theirs = await register({ schoolId: shenheSchool.id }, shenhe)
      for (const [method, url, body] of [
        ['GET', `/api/ethics/cases/${theirs.id}`, undefined],
        ['GET', `/api/ethics/cases/${theirs.id}?full=true`, undefined],
        ['PATCH', `/api/ethics/cases/${theirs.id}`, { version: theirs.version, published: true }],
        ['POST', `/api/ethics/cases/${theirs.id}/void`, { version: theirs.version, reason: 'x' }],
        ['GET', `/api/ethics/cases?schoolId=${shenheSchool.id}`, undefined],
      ] as const) {
        const r = await county.request({ method, url, ...(body ? { payload: body } : {}) })
        expect(r.statusCode, `${method} ${url}`).toBe(404)
      }
      const r = await county.post('/api/ethics/cases', {
        teacherName: NAME,
        schoolId: shenheSchool.id,
        occurredOn: '2026-03-15',
        violationTypeId: types.其他,
        finding: '无',
        handling: 'other',
      })
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.[0]?.field).toBe('schoolId')
      const mine = (await county.get('/api/ethics/cases?pageSize=200')).json().items as { id: number }[]
      expect(mine.map((c) => c.id)).not.toContain(theirs.id)
      expect((await leader.get(`/api/ethics/cases/${theirs.id}`)).statusCode).toBe(200)
    })

    it('exports masked, even for a role that may see the full data', async () => {
      const r = await county.get(`/api/ethics/export.xlsx?schoolId=${chenxi.id}`)
      expect(r.statusCode).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer)
      const ws = wb.worksheets[0]
      const text: string[] = []
      ws?.eachRow((row) => {
        row.eachCell((c) => {
          text.push(String(c.value))
        })
      })
      const all = text.join('|')
      expect(all).toContain('张**')
      expect(all).toContain('210102********1235')
      expect(all).not.toContain(NAME)
      expect(all).not.toContain(ID)
      expect(ws?.getRow(1).getCell(1).value).toBe('案件编号')
    })

    it('voids a case with a reason', async () => {
      const d = await register()
      let r = await county.post(`/api/ethics/cases/${d.id}/void`, { version: d.version, reason: '重复登记' })
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json()).toMatchObject({ voided: true, voidReason: '重复登记' })
      r = await county.post(`/api/ethics/cases/${d.id}/void`, { version: d.version + 1, reason: '再作废' })
      expect(r.statusCode).toBe(404)
    })
  },
  { demo: 'city' },
)
