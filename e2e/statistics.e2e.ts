/**
 * The statistics journey: a department user opens the technology-transfer ledger and adds a
 * contract by the form (it shows in the table); on the indicators page reads
 * stats.tech_transfer_contracts for this year (one more than before, with 同比), sets a target
 * below the value and sees the green light and "提前达到" (the year still has days to run); and
 * the dashboard renders its cards and the county ranking. Photographed in zh-CN, the figure
 * drawer in English too.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ConsoleWatch,
  DEMO_PASSWORD,
  launchBrowser,
  login,
  openContext,
  pickOption,
  screenshot,
  startServer,
  type TestServer,
} from './harness.js'

let server: TestServer
let browser: Browser
const consoleWatch = new ConsoleWatch()
const contexts: BrowserContext[] = []
const KEY = 'stats.tech_transfer_contracts'

async function newPage(): Promise<Page> {
  const context = await openContext(browser)
  contexts.push(context)
  return consoleWatch.newPage(context)
}

/**
 * Approved 2026 rows of the ledger, counted from the ledger itself: asking the indicator first
 * would cache its value, and under the journey's frozen clock the new row's change time equals
 * the cached one's, so the cache would not see the change (see the report).
 */
async function approvedRows2026(page: Page): Promise<number> {
  const res = await page.request.get(
    `${server.url}/api/statistics/ledgers/tech_transfer/rows?from=2026-01-01&to=2026-12-31&status=approved&pageSize=1`,
  )
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { total: number }).total
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

describe('statistics journey', () => {
  it('adds a ledger row, reads the indicator with YoY, sets a target, and the dashboard renders', async () => {
    const page = await newPage()
    await login(page, server.url, 'dept_gaojiao', DEMO_PASSWORD)
    const before = await approvedRows2026(page)

    // The technology-transfer ledger, picked from the ledger list.
    await page.getByTestId('menu-statistics').click()
    await page.getByTestId('ledger-picker').click()
    await pickOption(page, '高校科技成果转化合同', true)
    await page.getByTestId('rows-table').locator('tr.ant-table-row').first().waitFor()
    await screenshot(page, 'statistics-ledger')

    // A contract by the form: the signing date defaults to the server's today.
    await page.getByTestId('row-add').click()
    await page.getByTestId('row-field-university').fill('示例大学')
    await page
      .getByTestId('row-field-seq_no')
      .locator('input')
      .or(page.locator('input[data-testid="row-field-seq_no"]'))
      .first()
      .fill('901')
    await page.getByTestId('row-field-title').fill('旅程测试：固态电池电解质技术')
    await page.getByTestId('row-field-kind').click()
    await pickOption(page, '转让', true)
    await page
      .getByTestId('row-field-amount')
      .locator('input')
      .or(page.locator('input[data-testid="row-field-amount"]'))
      .first()
      .fill('125.5')
    await page.getByTestId('row-field-buyer_location').fill('本市')
    await expect
      .poll(async () =>
        page
          .getByTestId('row-field-contract_date')
          .locator('input')
          .or(page.locator('input[data-testid="row-field-contract_date"]'))
          .first()
          .inputValue(),
      )
      .toBe('2026-11-27')
    await screenshot(page, 'statistics-row-form')
    await page.getByTestId('row-submit').click()
    await page.getByTestId('row-drawer').waitFor({ state: 'hidden' })

    // It is in the table: searched by its title, money shown in 万元, 本市 → 是否市内转化 = 是.
    await page.getByTestId('rows-search').locator('input').fill('旅程测试')
    await page.keyboard.press('Enter')
    const row = page
      .getByTestId('rows-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: '旅程测试：固态电池电解质技术' })
    await row.waitFor()
    await expect.poll(async () => row.textContent()).toContain('125.50')
    expect(await row.textContent()).toContain('是')
    expect(await approvedRows2026(page)).toBe(before + 1)

    // The indicator for this year: the value, 同比 against 2025, no target yet.
    await page.getByTestId('menu-indicators').click()
    await page.getByTestId('indicator-search').locator('input').fill('科技成果转化合同项数')
    await page.keyboard.press('Enter')
    await page.getByTestId(`indicator-open-${KEY}`).click()
    const card = page.getByTestId(`figure-card-${KEY}`)
    await card
      .getByTestId(`figure-card-${KEY}-value`)
      .filter({ hasText: String(before + 1) })
      .waitFor()
    expect(await page.getByTestId('indicator-definition-text').textContent()).toContain(
      '高校科技成果转化合同',
    )
    const yoy = (await card.getByTestId(`figure-card-${KEY}-yoy`).textContent()) ?? ''
    expect(yoy).toMatch(/同比.*(增加|减少|持平)/)
    expect(yoy).toContain('2025')
    expect(await card.getByTestId(`figure-card-${KEY}-updated`).textContent()).toContain('数据更新于')

    // A target below the value, for the user's own unit and this year: green, attained early.
    await page.getByTestId('targets-add').click()
    expect(await page.getByTestId('targets-period').inputValue()).toBe('2026')
    await page
      .getByTestId('targets-amount')
      .locator('input')
      .or(page.locator('input[data-testid="targets-amount"]'))
      .first()
      .fill(String(before - 5))
    await page.getByTestId('targets-submit').click()
    await card.locator('[data-testid="target-light"][data-light="green"]').waitFor()
    await card.getByTestId('target-early').filter({ hasText: '提前达到' }).waitFor()
    await page.getByTestId('indicator-targets').locator('tr.ant-table-row').first().waitFor()
    await screenshot(page, 'indicators-figure')

    // The dashboard: the headline cards and the county ranking.
    await page.getByTestId('indicator-drawer').locator('.ant-drawer-close').click()
    await page.getByTestId('indicators-tab-dashboard').click()
    await page
      .getByTestId(`figure-card-${KEY}-value`)
      .filter({ hasText: String(before + 1) })
      .waitFor()
    await page.getByTestId('figure-card-stats.tech_transfer_amount-value').waitFor()
    await page.getByTestId('ranking-table').locator('tr.ant-table-row').first().waitFor()
    await page.getByTestId('ranking-chart').locator('canvas').waitFor()
    await screenshot(page, 'indicators-dashboard')

    // The figure in English.
    await page.goto(`${server.url}/indicators?indicator=${KEY}`)
    await page.evaluate("localStorage.setItem('edu-ledger.lang', 'en')")
    await page.reload()
    const enCard = page.getByTestId(`figure-card-${KEY}`)
    await enCard.getByTestId(`figure-card-${KEY}-yoy`).filter({ hasText: 'Year on year' }).waitFor()
    await enCard.getByTestId('target-early').filter({ hasText: 'Attained early' }).waitFor()
    await screenshot(page, 'indicators-figure-en')

    expect(consoleWatch.errors).toEqual([])
  }, 180_000)
})
