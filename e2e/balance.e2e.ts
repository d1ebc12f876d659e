/**
 * The balance-monitoring journey (issue 5): the city demo's department user opens 均衡发展监测 and
 * reads the report's sentence "N个县、区综合差异系数增大" (N as the API counts it) over the county
 * heat table with its 差异增大 tags; drills into a risen county's schools and back by the
 * breadcrumb; turns that county's warning into a rectification problem (which then exists, linked
 * from the row); adds a school's resources for a year it had none and finds the row; reads the
 * preschool figures and the settings; switches to English and sees the indicator names in English.
 * A county user sees only his county. Every tab is photographed into e2e/.out/.
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

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${server.url}${url}`)
  expect(res.ok(), url).toBe(true)
  return (await res.json()) as T
}

/** The input of an antd field: antd puts the test id on the input itself or on its wrapper. */
const input = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first()

interface CountyStage {
  countyId: number
  county: string
  rose: boolean
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

describe('balance journey', () => {
  it('reads the heat table, drills down, converts a warning, adds a row, and switches language', async () => {
    const page = await newPage()
    await login(page, server.url, 'dept_gaojiao', DEMO_PASSWORD)
    // The server's clock is 2026-11-27 and the demo has 2025 and 2026 rows: 2026 is the latest year.
    const coef = await getJson<{ year: number; summary: { rose: number }; counties: CountyStage[] }>(
      page,
      '/api/balance/coefficients?year=2026',
    )
    expect(coef.summary.rose).toBeGreaterThan(0)
    const risen = coef.counties.find((c) => c.rose)
    if (!risen) throw new Error('the demo has no county whose composite rose')

    // The sentence and the heat table with at least one 差异增大 tag.
    await page.getByTestId('menu-balance').click()
    await page
      .getByTestId('balance-sentence')
      .filter({ hasText: `${coef.summary.rose}个县、区综合差异系数增大` })
      .waitFor()
    await page.getByTestId(`heat-rose-${risen.countyId}`).waitFor()
    expect(await page.getByTestId('heat-table').locator('[data-testid^="heat-rose-"]').count()).toBe(
      new Set(coef.counties.filter((c) => c.rose).map((c) => c.countyId)).size,
    )
    expect(await input(page, 'balance-year').inputValue()).toBe('2026')
    // A composite cell is coloured against its limit, and the change carries its sign.
    const change = page.getByTestId(`heat-${risen.countyId}-change-primary`)
    expect(await change.textContent()).toMatch(/[+−]\d\.\d{3}|0\.000/)
    await page.getByTestId('figure-card-balance.counties_composite_rose-value').waitFor()
    await screenshot(page, 'balance-coefficients')

    // Drill into the risen county's schools, then back by the breadcrumb.
    await page.getByTestId(`heat-open-${risen.countyId}`).click()
    await page.getByTestId('crumb-county').filter({ hasText: risen.county }).waitFor()
    await page.getByTestId('schools-table').locator('tr.ant-table-row').first().waitFor()
    expect(await page.getByTestId('schools-table').locator('tr.ant-table-row').count()).toBeGreaterThan(1)
    await screenshot(page, 'balance-schools')
    await page.getByTestId('crumb-root').click()
    await page.getByTestId('heat-table').waitFor()
    expect(await page.getByTestId('schools-view').count()).toBe(0)

    // The risen county's primary warning becomes a problem, linked from the row.
    await page.getByTestId('balance-tab-warnings').click()
    const key = `${risen.countyId}:primary`
    await page.getByTestId(`warning-convert-${key}`).click()
    await page.getByTestId('convert-category').click()
    await pickOption(page, '办学条件', true)
    await page.getByTestId('convert-leader').fill('张局长')
    await page.getByTestId('convert-submit').click()
    await page.getByTestId(`warning-problem-${key}`).waitFor()
    const warnings = await getJson<{
      items: { countyId: number; stage: string; problem: { id: number; code: string } | null }[]
    }>(page, '/api/balance/warnings?year=2026')
    const linked = warnings.items.find((w) => w.countyId === risen.countyId && w.stage === 'primary')?.problem
    if (!linked) throw new Error('the warning is not linked to a problem')
    const problem = await getJson<{ code: string; description: string }>(
      page,
      `/api/rectification/problems/${linked.id}`,
    )
    expect(problem.description).toContain(risen.county)
    expect(problem.description).toContain('综合差异系数')
    await page.getByTestId(`warning-open-${key}`).filter({ hasText: linked.code }).click()
    await page
      .getByTestId('problem-drawer')
      .getByTestId('problem-code')
      .filter({ hasText: linked.code })
      .waitFor()
    await screenshot(page, 'balance-warning-problem')
    await page.getByTestId('problem-drawer').locator('.ant-drawer-close').click()
    await page.getByTestId('problem-drawer').waitFor({ state: 'hidden' })
    await screenshot(page, 'balance-warnings')

    // A primary school's resources for 2024, a year it has none.
    const schools = await getJson<{ items: { school: string; stage: string | null }[] }>(
      page,
      `/api/balance/resources?year=2026&orgUnitId=${risen.countyId}&pageSize=100`,
    )
    const school = schools.items.find((s) => s.stage === 'primary')?.school
    if (!school) throw new Error('no primary school in the county')
    await page.getByTestId('balance-tab-resources').click()
    await page.getByTestId('resources-table').locator('tr.ant-table-row').first().waitFor()
    await screenshot(page, 'balance-resources')
    await page.getByTestId('resources-add').click()
    await pickSearched(page, 'resource-school', school)
    const year = input(page, 'resource-year')
    await year.click()
    await year.fill('2024')
    await page.keyboard.press('Enter')
    const num = (field: string, value: string) => input(page, `resource-field-${field}`).fill(value)
    await num('pupilsPrimary', '1200')
    await num('teachersPrimary', '70')
    await num('qualifiedPrimary', '68')
    await num('floorArea', '7800.5')
    await num('equipmentFen', '360.25')
    await num('books', '36000')
    // A junior-high count for a primary school: the server's refusal shows on that field, in Chinese.
    await num('pupilsJunior', '40')
    await page.getByTestId('resource-submit').click()
    await page
      .getByTestId('resource-drawer')
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId('resource-field-pupilsJunior') })
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: '该校没有这一学段，应填 0' })
      .waitFor()
    await screenshot(page, 'balance-resource-form-error')
    await num('pupilsJunior', '0')
    await screenshot(page, 'balance-resource-form')
    await page.getByTestId('resource-submit').click()
    await page.getByTestId('resource-drawer').waitFor({ state: 'hidden' })
    await page.getByTestId('resources-search').locator('input').fill(school)
    await page.keyboard.press('Enter')
    const row = page.getByTestId('resources-table').locator('tr.ant-table-row').filter({ hasText: '2024' })
    await row.waitFor()
    const text = (await row.textContent()) ?? ''
    expect(text).toContain(school)
    expect(text).toContain('1,200 / 0 / 0')
    // Equipment in 万元, two decimals.
    expect(text).toContain('360.25')

    // Preschool figures, then the settings.
    await page.getByTestId('balance-tab-kindergartens').click()
    await page.getByTestId('preschool-coverage').filter({ hasText: '%' }).waitFor()
    await page.getByTestId('kindergartens-table').locator('tr.ant-table-row').first().waitFor()
    await screenshot(page, 'balance-kindergartens')
    await page.getByTestId('balance-tab-settings').click()
    await expect.poll(() => input(page, 'settings-primary').inputValue()).toBe('0.65')
    await screenshot(page, 'balance-settings')

    // In English, the heat table's columns carry the indicators' English names.
    await page.getByTestId('balance-tab-coefficients').click()
    await page.getByTestId('lang-switch').click()
    await page
      .getByTestId('heat-table')
      .locator('th')
      .filter({ hasText: 'Sports ground area per pupil' })
      .first()
      .waitFor()
    await page.getByTestId('balance-sentence').filter({ hasText: 'composite CV rose' }).waitFor()
    await screenshot(page, 'balance-coefficients-en')

    // The one refusal above was asked for; the console reports it as a failed load.
    const badRequests = consoleWatch.errors.filter((e) => /status of 400\b/.test(e))
    expect(badRequests).toHaveLength(1)
    expect(consoleWatch.errors.filter((e) => !badRequests.includes(e))).toEqual([])
    consoleWatch.errors.length = 0
  }, 120_000)

  it('shows a county user only his county', async () => {
    const page = await newPage()
    await login(page, server.url, 'county_heping', DEMO_PASSWORD)
    await page.getByTestId('menu-balance').click()
    const rows = page.getByTestId('heat-table').locator('tr.ant-table-row')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('和平区')
    await screenshot(page, 'balance-county')
    expect(consoleWatch.errors).toEqual([])
  }, 60_000)
})
