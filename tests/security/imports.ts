/**
 * Uploading to the real import routes and reading what came back, the same way for a synchronous
 * route (the petition mapping preview answers 4xx at once) and a job route (202, then the job
 * fails and `/api/jobs/:id` says why, in the language of the request that reads it).
 */
import ExcelJS from 'exceljs'
import { expect } from 'vitest'
import type { Database } from '../../server/db/schema.js'
import type { JobView } from '../../server/modules/jobs/schema.js'
import { type Client, countRows, errorOf, type Harness, multipartFile, upload } from '../harness.js'

export interface ImportRoute {
  label: string
  url: string
  /** 'sync': the answer is the refusal; 'job': a 202 whose job carries it. */
  kind: 'sync' | 'job'
  /** The table the import writes to: counted before and after. */
  table: keyof Database
}

export const PETITION_PREVIEW: ImportRoute = {
  label: 'POST /api/petitions/import/preview',
  url: '/api/petitions/import/preview',
  kind: 'sync',
  table: 'petition_cases',
}
export const PETITION_IMPORT: ImportRoute = {
  label: 'POST /api/petitions/import',
  url: '/api/petitions/import',
  kind: 'job',
  table: 'petition_cases',
}
export const TASK_IMPORT: ImportRoute = {
  label: 'POST /api/supervision/import',
  url: '/api/supervision/import',
  kind: 'job',
  table: 'supervision_tasks',
}

/** A petition ledger as a county keeps it (the city demo's 和平区 and taxonomy). */
export const PETITION_HEADER = [
  '序号',
  '案件编号',
  '登记日期',
  '信访形式',
  '姓名',
  '身份证号码',
  '联系电话',
  '所属县（市、区）',
  '问题类别',
  '具体诉求',
  '办理状态',
  '诉求内容摘要',
]
export const petitionRow = (caseNo: string) => [
  '1',
  caseNo,
  '2024-03-01',
  '来信',
  '甲',
  '',
  '',
  '和平区',
  '教师待遇类',
  '工资待遇落实',
  '办理中',
  '',
]
/** The key-task list (重点工作任务清单). */
export const TASK_HEADER = [
  '所属活动',
  '方面',
  '任务名称',
  '牵头单位',
  '配合单位',
  '责任领导',
  '开始日期',
  '完成时限',
]
export const taskRow = (campaign: string, title: string) => [
  campaign,
  '立德树人',
  title,
  '和平区',
  '',
  '',
  '2026-03-01',
  '2026-12-31',
]

export interface Outcome {
  /** The HTTP status of the upload (400 for a sync refusal, 202 for a job). */
  status: number
  /** The job's final status, for job routes. */
  jobStatus?: JobView['status']
  jobId?: number
  code: string
  zh: string
  en: string
}

/** Uploads `bytes` as 台账.xlsx and returns the refusal (or the job's failure) in both languages. */
export async function submit(h: Harness, c: Client, route: ImportRoute, bytes: Buffer): Promise<Outcome> {
  const res = await upload(c, route.url, '台账.xlsx', bytes)
  expect(res.statusCode, `${route.label}: ${res.body.slice(0, 300)}`).toBeLessThan(500)
  if (route.kind === 'sync') {
    const zh = errorOf(res)
    // The same upload again, asked in English.
    const { payload, headers } = multipartFile('台账.xlsx', bytes)
    const again = await c.request({
      method: 'POST',
      url: route.url,
      payload,
      headers: { ...headers, 'accept-language': 'en-US,en;q=0.9' },
    })
    expect(again.statusCode).toBe(res.statusCode)
    return { status: res.statusCode, code: zh.code, zh: zh.message, en: errorOf(again).message }
  }
  expect(res.statusCode, res.body).toBe(202)
  const id = (res.json() as { job: JobView }).job.id
  await h.services.jobs.idle()
  const zh = (await c.get(`/api/jobs/${id}`)).json() as JobView
  const en = (await c.get(`/api/jobs/${id}`, { 'accept-language': 'en' })).json() as JobView
  return {
    status: res.statusCode,
    jobStatus: zh.status,
    jobId: id,
    code: zh.error?.code ?? '',
    zh: zh.error?.message ?? '',
    en: en.error?.message ?? '',
  }
}

/** Rows of the tables an import could write to, for before/after comparison. */
export async function counts(h: Harness, tables: (keyof Database)[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of tables) out[t] = await countRows(h.db, t)
  return out
}

/** The server answers and its database works. */
export async function expectHealthy(h: Harness): Promise<void> {
  const r = await h.anonymous().get('/api/health')
  expect(r.statusCode, r.body).toBe(200)
  expect(r.json()).toMatchObject({ status: 'ok' })
}

/** The error report's "错误说明" cell by report row (the report starts at the upload's header row). */
export async function reportLines(c: Client, jobId: number): Promise<Map<number, string>> {
  const r = await c.get(`/api/jobs/${jobId}/error-report.xlsx`)
  expect(r.statusCode).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(new Uint8Array(r.rawPayload).buffer)
  const ws = wb.worksheets[0]
  const out = new Map<number, string>()
  if (!ws) return out
  let col = 0
  ws.getRow(1).eachCell((cell, n) => {
    if (cell.value === '错误说明') col = n
  })
  expect(col, 'the report has its 错误说明 column').toBeGreaterThan(0)
  ws.eachRow((row, n) => {
    const v = row.getCell(col).value
    if (n > 1 && typeof v === 'string') out.set(n, v)
  })
  return out
}

/** A one-sheet workbook: header row, then rows (exceljs cell values: formulas allowed). */
export async function workbook(header: string[], rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
