/** Test helpers of the statistics module: uploads with form fields, and job results. */
import { randomBytes } from 'node:crypto'
import type { Client, Harness } from '../../../tests/harness.js'
import type { JobView } from '../jobs/schema.js'

/** A multipart body with the file and extra text fields (mapping, orgUnitId, period). */
export function multipart(filename: string, bytes: Buffer, fields: Record<string, string> = {}) {
  const b = `----stats-${randomBytes(8).toString('hex')}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  parts.push(
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${b}--\r\n`),
  )
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } }
}

export async function importLedger(
  h: Harness,
  c: Client,
  ledger: string,
  filename: string,
  bytes: Buffer,
  fields: Record<string, string> = {},
): Promise<JobView> {
  const res = await c.request({
    method: 'POST',
    url: `/api/statistics/ledgers/${ledger}/import`,
    ...multipart(filename, bytes, fields),
  })
  if (res.statusCode !== 202) throw new Error(`${res.statusCode} ${res.body}`)
  await h.services.jobs.idle()
  return (await c.get(`/api/jobs/${(res.json() as { job: JobView }).job.id}`)).json() as JobView
}
