/**
 * The supervision journey (issue 3): a county clerk creates a key task, reports progress with a
 * photo, sees it due soon; the clock moves past the deadline and the task shows overdue and on the
 * supervision board; the clerk asks for more time, a leader approves it, the clerk sees the new
 * deadline and completes the task. The server reads "now" from a file (EDU_LEDGER_CLOCK_FILE) that
 * the test rewrites. Screenshots of each step and of every tab go to e2e/.out/.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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
  screenshot,
  startServer,
  type TestServer,
} from './harness.js'

let server: TestServer
let browser: Browser
const consoleWatch = new ConsoleWatch()
const contexts: BrowserContext[] = []
const clockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edu-ledger-clock-'))
const clockFile = path.join(clockDir, 'now')
const setClock = (iso: string) => fs.writeFileSync(clockFile, iso)

/** A 1×1 PNG: the smallest file the attachment allow-list accepts as an image. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const TITLE = '旅程测试：完善课后服务经费保障'

async function newPage(): Promise<Page> {
  const context = await openContext(browser)
  contexts.push(context)
  return consoleWatch.newPage(context)
}

/** The open drawer's status and due tags, as the user reads them. */
const drawer = (page: Page) => page.getByTestId('task-drawer')
const dueTag = (page: Page) => page.getByTestId('task-facts').getByTestId('task-due')
const statusTag = (page: Page) => drawer(page).locator('.ant-drawer-header').getByTestId('task-status')

async function submitVisible(page: Page, testId: string) {
  // Earlier modals stay in the DOM, hidden: act on the one showing.
  const button = page.getByTestId(testId).filter({ visible: true })
  await button.click()
  // A modal that stays open shows why (a field error, a conflict): keep a picture of it.
  await button.waitFor({ state: 'hidden', timeout: 15_000 }).catch(async (err: unknown) => {
    await screenshot(page, `supervision-stuck-${testId}`)
    throw err
  })
}

beforeAll(async () => {
  setClock('2026-11-27T02:00:00.000Z')
  server = await startServer({ EDU_LEDGER_CLOCK_FILE: clockFile })
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {})
  await browser?.close()
  await server?.stop()
  fs.rmSync(clockDir, { recursive: true, force: true })
})

describe('supervision journey', () => {
  let taskId = 0

  it('a county clerk creates a task, reports progress with a photo, and sees it due soon', async () => {
    const page = await newPage()
    await login(page, server.url, 'county_heping', DEMO_PASSWORD)
    await page.getByTestId('menu-supervision').click()
    await page.getByTestId('task-table').waitFor()

    await page.getByTestId('task-create').click()
    await page.getByTestId('task-form-campaign').click()
    await pickOption(page, '学习贯彻主题教育重点工作')
    await page.getByTestId('task-form-aspect').click()
    await pickOption(page, '调查研究与破解难题')
    await page.getByTestId('task-form-title').fill(TITLE)
    await page.getByTestId('task-form-leader').fill('王副局长')
    await fillDate(page, 'task-form-deadline', '2026-12-04')
    await page.getByTestId('task-form-milestone-add').click()
    await page.getByTestId('task-form-milestone-0-title').fill('摸清各校课后服务经费缺口')
    await fillDate(page, 'task-form-milestone-0-due', '2026-12-01')
    await screenshot(page, 'supervision-create')
    await page.getByTestId('task-form-submit').click()

    // The new task opens in the drawer: not started, deadline in 7 days = the warning window.
    await drawer(page).getByTestId('task-drawer-title').getByText(TITLE).waitFor()
    taskId = Number(new URL(page.url()).searchParams.get('task'))
    expect(taskId).toBeGreaterThan(0)
    await expect.poll(() => statusTag(page).textContent()).toBe('未启动')
    expect(await page.getByTestId('task-deadline').textContent()).toBe('2026-12-04')
    expect(await dueTag(page).getAttribute('data-due-state')).toBe('due_soon')
    expect(await dueTag(page).textContent()).toBe('剩 7 天')

    // A progress note with a photo; the first note starts the task.
    await page.getByTestId('task-add-progress').click()
    await page.getByTestId('progress-text').fill('已召开专题会议，部署经费摸底工作')
    await page
      .getByTestId('progress-percent')
      .locator('input')
      .or(page.locator('input[data-testid="progress-percent"]'))
      .first()
      .fill('30')
    await page
      .locator('.ant-modal input[type="file"]')
      .setInputFiles({ name: '会议照片.png', mimeType: 'image/png', buffer: PNG })
    await submitVisible(page, 'progress-submit')
    await page.getByTestId('task-notes').getByText('已召开专题会议，部署经费摸底工作').waitFor()
    await page.getByTestId('task-notes').getByText('会议照片.png').waitFor()
    await expect.poll(() => statusTag(page).textContent()).toBe('推进中')
    await page.getByTestId('task-timeline').getByText('上传附件').first().waitFor()
    await screenshot(page, 'supervision-task-due-soon')

    // The ledger lists it as due soon.
    await page.keyboard.press('Escape')
    const row = page.getByTestId(`task-row-${taskId}`)
    expect(await row.getByTestId('task-due').getAttribute('data-due-state')).toBe('due_soon')
  })

  it('after the deadline the task is overdue and on the supervision board; the clerk asks for more time', async () => {
    setClock('2026-12-08T02:00:00.000Z')
    // Eleven days later the old session has idled out: the clerk signs in again.
    const page = await newPage()
    await login(page, server.url, 'county_heping', DEMO_PASSWORD)
    await page.goto(`${server.url}/supervision?task=${taskId}`)
    await drawer(page).getByTestId('task-drawer-title').getByText(TITLE).waitFor()
    await expect.poll(() => dueTag(page).getAttribute('data-due-state')).toBe('overdue')
    expect(await dueTag(page).textContent()).toBe('逾期 4 天')
    await screenshot(page, 'supervision-task-overdue')
    await page.keyboard.press('Escape')

    await page.getByTestId('supervision-tab-overdue').click()
    const onBoard = page.getByTestId(`overdue-task-${taskId}`)
    await onBoard.waitFor()
    expect(await onBoard.getByTestId('task-due').textContent()).toBe('逾期 4 天')
    await screenshot(page, 'supervision-board')

    // From the board straight into the task, and ask for an extension.
    await onBoard.click()
    await page.getByTestId('task-request-extension').click()
    await fillDate(page, 'extension-deadline', '2026-12-31')
    await page.getByTestId('extension-reason').fill('部分学校经费测算需财政部门复核，申请延期')
    await submitVisible(page, 'extension-submit')
    await page.getByTestId('task-extensions').getByText('待审批').waitFor()
    await screenshot(page, 'supervision-extension-requested')
  })

  it('a leader approves the extension with a reason', async () => {
    const page = await newPage()
    await login(page, server.url, 'leader', DEMO_PASSWORD)
    await page.goto(`${server.url}/supervision?tab=extensions`)
    const row = page.getByTestId('extensions-table').locator('tr', { hasText: TITLE })
    await row.waitFor()
    await screenshot(page, 'supervision-extensions-pending')
    await row.getByRole('button').click()
    await page.getByTestId('decide-reason').fill('同意延期至12月31日，请抓紧推进')
    await submitVisible(page, 'decide-submit')
    // Decided: gone from the pending list, listed as approved.
    await row.waitFor({ state: 'detached' })
    await page.getByTestId('extensions-filter').getByText('已批准').click()
    const approved = page.getByTestId('extensions-table').locator('tr', { hasText: TITLE })
    await approved.getByText('已批准').waitFor()
    await approved.getByText('同意延期至12月31日，请抓紧推进').waitFor()
    await screenshot(page, 'supervision-extension-approved')
  })

  it('the clerk sees the new deadline, no longer overdue, and completes the task', async () => {
    const page = await newPage()
    await login(page, server.url, 'county_heping', DEMO_PASSWORD)
    await page.goto(`${server.url}/supervision?task=${taskId}`)
    await drawer(page).getByTestId('task-drawer-title').getByText(TITLE).waitFor()
    await expect.poll(() => page.getByTestId('task-deadline').textContent()).toBe('2026-12-31')
    expect(await dueTag(page).getAttribute('data-due-state')).toBe('ok')
    expect(await dueTag(page).textContent()).toBe('剩 23 天')
    await drawer(page).getByText('原定时限 2026-12-04').waitFor()
    await page.getByTestId('task-extensions').getByText('已批准').waitFor()

    await page.getByTestId('task-action-complete').click()
    await submitVisible(page, 'task-action-submit')
    await expect.poll(() => statusTag(page).textContent()).toBe('已完成')
    expect(await dueTag(page).textContent()).toBe('按期完成')
    expect(await page.getByTestId('task-progress').textContent()).toContain('100%')
    await screenshot(page, 'supervision-task-done')
  })

  it('a leader sends a supervision notice; every tab of the city demo, and the figures in English', async () => {
    const page = await newPage()
    await login(page, server.url, 'leader', DEMO_PASSWORD)
    await page.goto(`${server.url}/supervision?tab=overdue`)
    // The demo city has units with tasks overdue: the leader sends the first of them a notice.
    await page.locator('[data-testid^="notice-create-"]').first().click()
    await submitVisible(page, 'notice-submit')
    const doc = page.getByTestId('notice-document')
    await doc.getByText(/督办〔2026〕\d+号/).waitFor()
    await doc.getByText('示例市教育局').waitFor()
    await screenshot(page, 'supervision-notice')
    await page.keyboard.press('Escape')
    await doc.waitFor({ state: 'hidden' })

    for (const tab of ['tasks', 'overdue', 'extensions', 'notices', 'changes', 'dashboard'] as const) {
      await page.getByTestId(`supervision-tab-${tab}`).click()
      await page.waitForTimeout(300)
      await screenshot(page, `supervision-tab-${tab}`)
    }
    await page.getByTestId('chart-gantt').waitFor()
    await page.getByTestId('digest-bell').click()
    await page.getByTestId('digest-content').waitFor()
    await screenshot(page, 'supervision-digest')
    await page.keyboard.press('Escape')

    await page.getByTestId('lang-switch').click()
    await page.getByText('On-time completion').first().waitFor()
    await screenshot(page, 'supervision-dashboard-en')
  })

  it('logged no browser errors', () => {
    expect(consoleWatch.errors).toEqual([])
  })
})
