/** Shared by this module's tests: tiny valid files, an upload, the seeded lists, a problem body. */
import { type Client, multipartFile, type Response } from '../../../tests/harness.js'

/** The smallest PDF readers open: a header, an empty catalogue, a trailer. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
)
/** A 1×1 transparent PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

export function uploadFile(
  client: Client,
  url: string,
  filename: string,
  bytes: Buffer,
  contentType = 'application/octet-stream',
): Promise<Response> {
  const { payload, headers } = multipartFile(filename, bytes, contentType)
  return client.request({ method: 'POST', url, payload, headers })
}

export async function categoryIds(client: Client): Promise<Record<string, number>> {
  const r = await client.get('/api/rectification/categories')
  if (r.statusCode !== 200) throw new Error(r.body)
  return Object.fromEntries((r.json().items as { id: number; name: string }[]).map((c) => [c.name, c.id]))
}

export async function violationTypeIds(client: Client): Promise<Record<string, number>> {
  const r = await client.get('/api/ethics/violation-types')
  if (r.statusCode !== 200) throw new Error(r.body)
  return Object.fromEntries((r.json().items as { id: number; name: string }[]).map((c) => [c.name, c.id]))
}

export function problemBody(
  over: Record<string, unknown> & { categoryId: number; responsibleUnitId: number },
) {
  return {
    description: '部分学校课后服务课程单一，学生选择余地小',
    source: 'self_review',
    campaign: '主题教育检视整改',
    foundOn: '2026-06-01',
    measures: [{ content: '制定课后服务课程指南', owner: '基础教育处', deadline: '2026-12-31' }],
    ...over,
  }
}
