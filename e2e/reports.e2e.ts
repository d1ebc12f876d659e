/**
 * The reports journey: the bureau office (department user) opens 报告, opens the built-in monthly
 * petition bulletin, edits a sentence and sees the live preview change, clicks a figure and sees
 * its indicator and source, checks and saves a new version, renders it for 2026, opens the
 * snapshot (figures clickable, the 公开版 switch masks the digits), downloads the Word file and the
 * public copy (a .docx, "PK" first, the public one named 公开版), adds a sensitive term, tries the
 * redaction box, and reads the snapshot in English. Every tab is photographed.
 */
import fs from 'node:fs'
import type { Browser, BrowserContext, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ConsoleWatch,
  DEMO_PASSWORD,
  launchBrowser,
  login,
  openContext,
  pickIn,
  screenshot,
  startServer,
  type TestServer,
} from './harness.js'

let server: TestServer
let browser: Browser
const consoleWatch = new ConsoleWatch()
const contexts: BrowserContext[] = []

async function newPage(): Promise<Page> {
  const context = await openContext(browser)
  contexts.push(context)
  return consoleWatch.newPage(context)
}

/** The downloaded file's first bytes and its suggested name. */
async function downloaded(d: Download): Promise<{ head: string; name: string }> {
  const file = await d.path()
  return { head: fs.readFileSync(file).subarray(0, 2).toString('latin1'), name: d.suggestedFilename() }
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {})
  await browser?.close()
  await server?.stop()
})

describe('reports journey', () => {
  it('edits a template with live preview and provenance, renders, opens and downloads the snapshot', async () => {
    const page = await newPage()
    await login(page, server.url, 'dept_gaojiao', DEMO_PASSWORD)

    // The templates: the three built-in ones.
    await page.getByTestId('menu-reports').click()
    await page.getByTestId('template-open-petition_bulletin').waitFor()
    expect(await page.getByTestId('templates-table').textContent()).toContain('campaign_summary')
    await screenshot(page, 'reports-templates')

    // The editor: the preview renders the monthly bulletin for this month (the server's).
    await page.getByTestId('template-open-petition_bulletin').click()
    const preview = page.frameLocator('[data-testid="preview-frame"]')
    await preview.locator('.figure[data-figure="0"]').waitFor()
    await expect.poll(() => page.getByTestId('period-part').textContent()).toContain('11')
    expect(await page.getByTestId('template-version').textContent()).toContain('1')

    // A sentence edited: the preview follows without saving.
    const source = page.getByTestId('template-source')
    const text = await source.inputValue()
    expect(text).toContain('目前在办')
    await source.fill(text.replace('目前在办', '截至目前仍在办理'))
    await preview.getByText('截至目前仍在办理').waitFor()
    await page.getByTestId('template-dirty').waitFor()

    // A figure clicked: its indicator, value and source (the petitions module, linked).
    await preview.locator('.figure[data-figure="0"]').click()
    const panel = page.getByTestId('preview-figure-panel')
    await panel.getByTestId('figure-indicator').filter({ hasText: 'petitions.received' }).waitFor()
    expect(await panel.getByTestId('figure-source').textContent()).toContain('信访')
    expect(await panel.getByTestId('figure-source-link').getAttribute('href')).toBe('/petitions')
    await screenshot(page, 'reports-editor')
    await panel.locator('.ant-drawer-close').click()

    // A ledger figure goes down to its rows: the panel lists them, as many as the figure counts.
    const edited = await source.inputValue()
    await source.fill(`${edited}\n\n全年招聘会{{ "stats.job_fairs" | figure | integer }}场。`)
    // The whole year, so that there are rows to show. The preview redraws as the text changes:
    // let it settle first, and pick with a check (pickIn), since a redraw can close the dropdown.
    await preview.getByText('全年招聘会').waitFor()
    await pickIn(page, page.getByTestId('period-kind').first(), '年度')
    await preview.getByText('二〇二六年，共受理').waitFor()
    const jobFairs = preview.locator('.figure').last()
    await preview.getByText('全年招聘会').waitFor()
    await jobFairs.click()
    await panel.getByTestId('figure-indicator').filter({ hasText: 'stats.job_fairs' }).waitFor()
    const rowsBox = panel.getByTestId('figure-rows')
    await rowsBox.locator('.ant-table-row').first().waitFor()
    const shown = Number(
      ((await panel.getByTestId('figure-value').textContent()) ?? '').replace(/[^\d]/g, ''),
    )
    await expect
      .poll(async () => Number(/(\d+)\s*条记录/.exec((await rowsBox.locator('h5').textContent()) ?? '')?.[1]))
      .toBe(shown)
    await screenshot(page, 'reports-figure-rows')
    await panel.locator('.ant-drawer-close').click()
    await source.fill(edited)

    // Check, then save as version 2 with a note; the history lists it.
    await page.getByTestId('template-check').click()
    await page.getByTestId('template-ok').waitFor()
    await page.getByTestId('template-save').click()
    await page.getByTestId('template-note').fill('在办表述调整')
    await page.getByTestId('template-save-submit').click()
    await page.getByTestId('template-version').filter({ hasText: '第 2 版' }).waitFor()
    await page.getByTestId('template-history-tab').click()
    await page.getByTestId('template-history-2').filter({ hasText: '在办表述调整' }).waitFor()

    // Rendered for the year 2026 from the editor: the job runs, the snapshot opens.
    await page.getByTestId('template-render').click()
    await page.getByTestId('render-template').filter({ hasText: 'petition_bulletin' }).waitFor()
    await pickIn(page, page.getByTestId('render-form').getByTestId('period-kind'), '年度')
    await screenshot(page, 'reports-render')
    await page.getByTestId('render-submit').click()
    await page.getByTestId('snapshot-detail').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('snapshot-title').textContent()).toContain('信访工作简报')
    const snap = page.frameLocator('[data-testid="snapshot-frame"]')
    await snap.getByText('截至目前仍在办理').waitFor()
    await snap.locator('.figure[data-figure="3"]').click()
    const snapPanel = page.getByTestId('snapshot-figure-panel')
    await snapPanel.getByTestId('figure-indicator').filter({ hasText: 'petitions.open_now' }).waitFor()
    expect(await snapPanel.getByTestId('figure-source').textContent()).toContain('信访')
    await screenshot(page, 'reports-snapshot')
    await snapPanel.locator('.ant-drawer-close').click()

    // The public copy: digits masked, no figure links.
    await page.getByTestId('snapshot-public').click()
    await snap.getByText(/共受理信访事项\*+件/).waitFor()
    expect(await snap.locator('.figure').count()).toBe(0)
    await screenshot(page, 'reports-snapshot-public')

    // Word and Word 公开版.
    const [full] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-docx').click(),
    ])
    const f = await downloaded(full)
    expect(f.head).toBe('PK')
    expect(f.name).toMatch(/信访工作简报（2026）\.docx$/)
    const [pub] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-docx-public').click(),
    ])
    const p = await downloaded(pub)
    expect(p.head).toBe('PK')
    expect(p.name).toContain('公开版')
    expect(p.name).toMatch(/\.docx$/)

    // The list of kept reports.
    await page.getByTestId('snapshot-back').click()
    await page.getByTestId('snapshots-table').locator('tr.ant-table-row').first().waitFor()
    expect(await page.getByTestId('snapshots-table').textContent()).toContain('2026')
    await screenshot(page, 'reports-snapshots')

    // Sensitive terms: one added; the try-it box masks it and the digits.
    await page.getByTestId('reports-tab-terms').click()
    await page.getByTestId('term-input').fill('东湖片区')
    await page.getByTestId('term-add').click()
    await page.getByTestId('terms-table').getByText('东湖片区').waitFor()
    await page.getByTestId('redact-input').fill('东湖片区新建学校3所。')
    await page.getByTestId('redact-run').click()
    await page.getByTestId('redact-output').filter({ hasText: '****新建学校*所。' }).waitFor()
    await screenshot(page, 'reports-terms')

    // In English: the snapshot and its figure panel.
    await page.getByTestId('reports-tab-snapshots').click()
    await page.getByTestId('snapshots-table').locator('tr.ant-table-row').first().click()
    await page.getByTestId('lang-switch').click()
    await page.getByTestId('snapshot-public').waitFor()
    await page.getByText('Word public copy').waitFor()
    await snap.locator('.figure[data-figure="0"]').click()
    await snapPanel.getByText('Where this figure comes from').waitFor()
    await screenshot(page, 'reports-snapshot-en')

    // The harness's fake clock is an init script; Chromium refuses it in the report's sandboxed
    // frame (no allow-scripts, on purpose) and says so on the console. Anything else is a failure.
    expect(consoleWatch.errors).toEqual([])
  }, 120_000)
})
