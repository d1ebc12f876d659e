/**
 * The petition journey (issue 4): the petition office registers a case, accepts it, extends it,
 * replies, records the follow-up visit, and sees the figures change; a county user never sees
 * another county's case. Screenshots of each tab go to e2e/.out/.
 */
import { fileURLToPath } from 'node:url'
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

/**
 * Picks a unit in a searchable tree select and checks it took: on a slow machine a click can land
 * while the filtered tree is still being redrawn, and the select stays empty.
 */
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

async function openTab(page: Page, tab: 'cases' | 'dashboard' | 'taxonomy' | 'campaigns') {
  await page.getByTestId(`petitions-tab-${tab}`).click()
}

/** Runs one action from the open case drawer and waits for the drawer to show the new status. */
async function act(page: Page, action: string, fill: (modal: Page) => Promise<void>, status: string) {
  await page.getByTestId(`case-action-${action}`).click()
  await fill(page)
  // Earlier modals stay in the DOM, hidden: act on the one showing.
  const submit = page.getByTestId('case-action-submit').filter({ visible: true })
  await submit.click()
  await submit.waitFor({ state: 'hidden' })
  await page.getByTestId('case-drawer').getByText(status, { exact: true }).first().waitFor()
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

describe('petition journey', () => {
  let caseNo = ''

  it('registers, accepts, extends, replies, visits, and the figures follow', async () => {
    const page = await newPage()
    await login(page, server.url, 'dept_gaojiao', DEMO_PASSWORD)
    await page.getByTestId('menu-petitions').click()
    await page.waitForURL(/\/petitions/)

    await openTab(page, 'dashboard')
    await page.getByTestId('figure-newReceived').waitFor()
    const before = {
      received: await figure(page, 'newReceived'),
      resolved: await figure(page, 'newResolved'),
    }
    await screenshot(page, 'petitions-dashboard')

    await openTab(page, 'cases')
    await page.getByTestId('case-register').click()
    await fillDate(page, 'register-received', '2026-11-20')
    await page.getByTestId('register-channel').click()
    await pickOption(page, '来信')
    await page.getByTestId('register-kind').click()
    await pickOption(page, '申诉求决')
    await page.getByTestId('register-person-0-name').fill('旅程测试人')
    await page.getByTestId('register-person-0-phone').fill('13700001234')
    await page.getByTestId('register-category').click()
    await pickOption(page, '教师待遇类')
    await page.getByTestId('register-demand').click()
    await pickOption(page, '工资待遇落实')
    await page.getByTestId('register-summary').fill('反映某校临聘教师工资待遇未按时发放')
    await pickSearched(page, 'register-org-unit', '和平区')
    await pickSearched(page, 'register-responsible-unit', '和平区')
    await page.getByTestId('register-level').click()
    await pickOption(page, '县级')
    await page.getByTestId('register-leader').fill('张副局长')
    await screenshot(page, 'petitions-register')
    await page.getByTestId('register-submit').click()

    // The new case opens in the drawer: registered, masked, the notice deadline counted.
    const drawer = page.getByTestId('case-drawer')
    await drawer.getByText('已登记', { exact: true }).first().waitFor()
    caseNo =
      ((await drawer.locator('text=/XF2026\\d{5}/').first().textContent()) ?? '').match(/XF2026\d{5}/)?.[0] ??
      ''
    expect(caseNo).toMatch(/^XF2026\d{5}$/)
    await drawer.getByText('旅**').first().waitFor()
    // 11-20 + 15 = 12-05, a Saturday → Monday 12-07.
    await page.getByTestId('case-deadlines').getByText('2026-12-07').waitFor()

    await act(page, 'accept', async (p) => fillDate(p, 'action-on', '2026-11-23'), '办理中')
    await act(
      page,
      'extend',
      async (p) => {
        await fillDate(p, 'action-on', '2026-11-26')
        await p
          .getByTestId('action-extension-days')
          .locator('input')
          .or(p.locator('input[data-testid="action-extension-days"]'))
          .first()
          .fill('20')
        await p.getByTestId('action-approved-by').fill('王局长')
        await p.getByTestId('action-note').fill('需核实多个学期工资发放记录')
      },
      '延期办理',
    )
    await act(
      page,
      'reply',
      async (p) => {
        await fillDate(p, 'action-on', '2026-11-27')
        await p.getByTestId('action-outcome').click()
        await pickOption(p, '予以支持')
      },
      '已答复',
    )
    await act(
      page,
      'visit',
      async (p) => {
        await fillDate(p, 'action-on', '2026-11-27')
        await p.getByTestId('action-satisfaction').click()
        await pickOption(p, '满意', true)
      },
      '已答复',
    )
    const timeline = page.getByTestId('case-timeline')
    for (const step of ['登记', '受理', '延期', '答复', '回访'])
      await timeline.getByText(step, { exact: true }).first().waitFor()
    await screenshot(page, 'petitions-case')
    await page.keyboard.press('Escape')

    // The figures moved: one more new case, one more resolved.
    await openTab(page, 'dashboard')
    await expect.poll(() => figure(page, 'newReceived')).toBe(before.received + 1)
    await expect.poll(() => figure(page, 'newResolved')).toBe(before.resolved + 1)
    await screenshot(page, 'petitions-dashboard-after')
    for (const tab of ['taxonomy', 'campaigns'] as const) {
      await openTab(page, tab)
      await page.waitForTimeout(300)
      await screenshot(page, `petitions-${tab}`)
    }
  })

  it('a county user sees its own county’s cases and never another’s', async () => {
    const page = await newPage()
    await login(page, server.url, 'county_heping', DEMO_PASSWORD)
    await page.goto(`${server.url}/petitions`)
    await page.getByTestId('case-table').waitFor()
    // The journey's case is 和平区's: its bureau sees it.
    await page
      .getByTestId('case-search')
      .locator('input')
      .or(page.locator('input[data-testid="case-search"]'))
      .first()
      .fill(caseNo)
    await page.keyboard.press('Enter')
    await page.getByTestId(`case-row-${caseNo}`).waitFor()
    // Every case listed is 和平区's.
    const res = await page.request.get(`${server.url}/api/petitions/cases?pageSize=200`)
    const items = (await res.json()).items as { county: string | null }[]
    expect(items.length).toBeGreaterThan(0)
    expect(new Set(items.map((i) => i.county))).toEqual(new Set(['和平区']))
    await screenshot(page, 'petitions-county')
  })

  it('imports a historical ledger, and offers the rows to check for download', async () => {
    const page = await newPage()
    await login(page, server.url, 'dept_gaojiao', DEMO_PASSWORD)
    await page.getByTestId('menu-petitions').click()
    await page.waitForURL(/\/petitions/)
    await page.getByTestId('case-import').click()
    await page
      .getByTestId('import-upload')
      .locator('input[type=file]')
      .setInputFiles(fileURLToPath(new URL('../tests/fixtures/信访案件台账.xlsx', import.meta.url)))
    // The preview found every column and value: the mapping step needs no change.
    await page.getByTestId('import-start').click()
    await page.getByTestId('job-result').waitFor({ timeout: 90_000 })
    // ID numbers Excel turned into floats were left empty, and the file marking them is offered.
    await page.getByTestId('job-warnings').waitFor()
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('job-warning-report').click(),
    ])
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
    await screenshot(page, 'petitions-import-warnings')
  })

  it('logged no browser errors', () => {
    expect(consoleWatch.errors).toEqual([])
  })
})
