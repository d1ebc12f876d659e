/**
 * The research journey (issue 3, item 5): a department plans a topic under the demo's research
 * campaign, records a field visit to a county (the topic starts by itself), records a finding and
 * turns it into a rectification problem (the finding then shows the problem's code), submits the
 * report with its file, and sees the figures count one more topic, visit and problem. The figures
 * page, the list and the drawer are photographed in zh-CN, the drawer in English too.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ConsoleWatch,
  DEMO_PASSWORD,
  fillDate,
  launchBrowser,
  login,
  openContext,
  pickOption,
  pickSearched,
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

/** The number a figure card shows (antd Statistic groups digits with commas). */
async function figure(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId(`figure-${key}`).locator('.ant-statistic-content-value').textContent()
  return Number((text ?? '').replace(/[^\d.]/g, ''))
}

/** A one-page PDF made here, so the journey needs no fixture file. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
)

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {})
  await browser?.close()
  await server?.stop()
})

describe('research journey', () => {
  it('plans a topic, visits, turns a finding into a problem, reports, and the figures follow', async () => {
    const page = await newPage()
    await login(page, server.url, 'dept_gaojiao', DEMO_PASSWORD)
    const before = (await (await page.request.get(`${server.url}/api/research/figures`)).json()) as {
      topics: number
      visits: number
      findingsConverted: number
    }

    await page.getByTestId('menu-research').click()
    await page.getByTestId('topic-table').locator('tr.ant-table-row').first().waitFor()
    await screenshot(page, 'research-list')

    // Plan a topic under the demo's research campaign.
    await page.getByTestId('topic-create').click()
    await page.getByTestId('topic-form-title').fill('旅程测试：高校毕业生返乡就业情况调研')
    await page.getByTestId('topic-form-campaign').click()
    await pickOption(page, '主题教育调查研究')
    await page.getByTestId('topic-form-aspect').click()
    await pickOption(page, '高等教育内涵发展')
    await pickSearched(page, 'topic-form-owner', '高等教育处')
    await page.getByTestId('topic-form-leader').fill('王副局长')
    await fillDate(page, 'topic-form-starts', '2026-10-01')
    await fillDate(page, 'topic-form-ends', '2026-12-31')
    await pickSearched(page, 'topic-form-units', '和平区')
    await page.keyboard.press('Escape')
    await screenshot(page, 'research-create')
    await page.getByTestId('topic-form-submit').click()

    // The new topic opens, planned; the first field visit starts it.
    const drawer = page.getByTestId('topic-drawer')
    await drawer.getByTestId('topic-status').filter({ hasText: '计划中' }).waitFor()
    const code = ((await drawer.getByTestId('topic-code').textContent()) ?? '').trim()
    expect(code).toMatch(/^DY2026-\d{3}$/)
    await drawer.getByTestId('visit-add').click()
    await fillDate(page, 'visit-date', '2026-11-20')
    await pickSearched(page, 'visit-unit', '和平区')
    await page.getByTestId('visit-participants').fill('王副局长带队，高等教育处 2 人')
    await page.getByTestId('visit-note').fill('召开座谈会，走访 3 所学校')
    await page.getByTestId('visit-submit').click()
    await drawer.getByTestId('topic-status').filter({ hasText: '调研中' }).waitFor()
    await drawer.getByTestId('topic-reach').getByText('1 个市的 1 个县').waitFor()

    // A finding, made a rectification problem in one step.
    await drawer.getByTestId('finding-add').click()
    await page.getByTestId('finding-text').fill('旅程测试：返乡就业毕业生跟踪服务不到位')
    await page.getByTestId('finding-category').click()
    await pickOption(page, '工作作风')
    await pickSearched(page, 'finding-unit', '和平区')
    await page.getByTestId('finding-submit').click()
    const findings = drawer.getByTestId('topic-findings')
    await findings.getByText('旅程测试：返乡就业毕业生跟踪服务不到位').waitFor()
    await findings.locator('[data-testid^="finding-to-problem-"]').first().click()
    await page.locator('[data-testid^="finding-to-problem-ok-"]').first().click()
    const problem = findings.locator('[data-testid^="finding-problem-"]').first()
    await problem.getByText(/^ZG2026\d{5}$/).waitFor()
    await problem.getByText('待整改').waitFor()

    // The report: its summary, then its file.
    await drawer.getByTestId('topic-action-report').click()
    await page
      .getByTestId('topic-report-summary')
      .fill('调研发现，返乡就业毕业生跟踪服务仍有短板，建议建立常态化联系机制。')
    await page.getByTestId('topic-action-submit').click()
    await drawer.getByTestId('topic-status').filter({ hasText: '已提交报告' }).waitFor()
    await drawer.getByTestId('file-upload').click()
    await page
      .locator('.ant-modal:visible input[type=file]')
      .setInputFiles({ name: '调研报告.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.getByTestId('file-chosen').waitFor()
    await page.getByTestId('file-submit').click()
    await drawer.getByTestId('topic-report').getByText('调研报告.pdf').waitFor()
    await drawer.getByTestId('topic-timeline').getByText('转为整改问题').waitFor()
    await screenshot(page, 'research-drawer')
    await drawer.getByTestId('topic-timeline').scrollIntoViewIfNeeded()
    await screenshot(page, 'research-drawer-timeline')
    await page.keyboard.press('Escape')

    // The figures count one more topic, visit and problem.
    await page.getByTestId('research-tab-figures').click()
    await expect.poll(() => figure(page, 'topics')).toBe(before.topics + 1)
    await expect.poll(() => figure(page, 'visits')).toBe(before.visits + 1)
    await expect.poll(() => figure(page, 'findingsConverted')).toBe(before.findingsConverted + 1)
    await page.getByTestId('figures-aspect-chart').locator('canvas').waitFor()
    await screenshot(page, 'research-figures')

    // The same drawer in English: every label translated.
    await page.getByTestId('research-tab-topics').click()
    await page.getByTestId('lang-switch').click()
    await page
      .getByTestId('topic-search')
      .locator('input')
      .or(page.locator('input[data-testid="topic-search"]'))
      .first()
      .fill(code)
    await page.getByText('旅程测试：高校毕业生返乡就业情况调研').click()
    await page.getByTestId('topic-drawer').getByText('Field visits: 1').waitFor()
    await screenshot(page, 'research-drawer-en')
    expect(consoleWatch.errors).toEqual([])
  })
})
