/** What every benchmark does against a started app: JSON GETs, an import job to its end, load, peak RSS. */
import autocannon from 'autocannon'
import { rssBytes } from './server.js'

/** Samples the server's RSS every 100 ms while `fn` runs; returns fn's value and the peak. */
export async function withPeakRss<T>(pid: number, fn: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = rssBytes(pid)
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid))
  }, 100)
  try {
    return { value: await fn(), peak }
  } finally {
    clearInterval(timer)
    peak = Math.max(peak, rssBytes(pid))
  }
}

export async function json(url: string, cookie: string) {
  const res = await fetch(url, { headers: { cookie } })
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  return res.json()
}

/** Uploads a file to an import route (202 + job) and polls the job until it ends; the time covers both. */
export async function importAndWait(
  baseUrl: string,
  route: string,
  cookie: string,
  bytes: Buffer,
  filename = 'ledger.xlsx',
): Promise<{ ms: number; result: Record<string, unknown> }> {
  const csrf = cookie.match(/edu_csrf=([^;]+)/)?.[1] ?? ''
  const form = new FormData()
  form.append('file', new Blob([bytes]), filename)
  const s = performance.now()
  const res = await fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf },
    body: form,
  })
  if (res.status !== 202) throw new Error(`import: ${res.status} ${await res.text()}`)
  const { job } = (await res.json()) as { job: { id: number } }
  for (;;) {
    const j = (await json(`${baseUrl}/api/jobs/${job.id}`, cookie)) as {
      status: string
      result: unknown
      error: unknown
    }
    if (j.status === 'succeeded')
      return { ms: performance.now() - s, result: j.result as Record<string, unknown> }
    if (j.status === 'failed') throw new Error(`import failed: ${JSON.stringify(j.error)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export interface LoadResult {
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

export async function load(
  url: string,
  cookie: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const r = await autocannon({ url, connections, duration: seconds, headers: { cookie } })
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  }
}
