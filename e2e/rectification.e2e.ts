/**
 * The rectification journey (issue 3): a department records a problem with one measure, starts it,
 * uploads a PNG as evidence, finishes the measure and marks the problem rectified; as its owner he
 * is refused the sign-off (in words on the page, and by the server); a leader signs it off and the
 * figures count one more problem found and one more signed off. Then a teacher-ethics case is
 * registered, published, and its public summary names no one; a document is added to it. Screenshots
 * go to e2e/.out/.
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
/** The department user's page, kept across the tests: one login, and moves inside the app after it. */
let dept: Page

async function newPage(): Promise<Page> {
  const context = await openContext(browser)
  contexts.push(context)
  return consoleWatch.newPage(context)
}

/** Opens a module from the side menu and one of its tabs, without reloading the app. */
async function openTab(page: Page, module: 'rectification' | 'ethics', tab: string) {
  await page.getByTestId(`menu-${module}`).click()
  await page.getByTestId(`${module}-tab-${tab}`).click()
}

/** The number a figure card shows (antd Statistic groups digits with commas). */
async function figure(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId(`figure-${key}`).locator('.ant-statistic-content-value').textContent()
  return Number((text ?? '').replace(/[^\d.]/g, ''))
}

/** The status tag in the open problem drawer's title. */
const drawerStatus = (page: Page, status: string) =>
  page
    .getByTestId('problem-drawer')
    .getByTestId('problem-status')
    .filter({ hasText: status })
    .first()
    .waitFor()

/** A minimal valid 1×1 PNG, made here so the journey needs no fixture file. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

/** An 18-digit resident ID number with a correct check character (ISO 7064 MOD 11-2). */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0)
  return first17 + '10X98765432'[sum % 11]
}

/** Writes through the page's own session, with its CSRF token, as the web app does. */
async function apiPost(page: Page, url: string, data: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'edu_csrf')?.value ?? ''
  return page.request.post(`${server.url}${url}`, { data, headers: { 'x-csrf-token': csrf } })
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

describe('rectification journey', () => {
  const description = '旅程测试：和平区部分学校食堂食品留样记录不完整'
  let code = ''

  it('records a problem, rectifies it with evidence; the owner may not sign it off, a leader does', async () => {
    dept = await newPage()
    const page = dept
    await login(page, server.url, 'dept_gaojiao', DEMO_PASSWORD)
    // The figures before, as the figures route gives them; the page is looked at once they moved.
    const figures = await page.request.get(`${server.url}/api/rectification/figures`)
    const before = (await figures.json()) as { found: number; signedOff: number }

    await openTab(page, 'rectification', 'problems')
    await page.getByTestId('problem-register').click()
    await page.getByTestId('problem-form-description').fill(description)
    await page.getByTestId('problem-form-source').click()
    await pickOption(page, '自我检视')
    await page.getByTestId('problem-form-category').click()
    await pickOption(page, '安全稳定')
    await page
      .getByTestId('problem-form-campaign')
      .locator('input')
      .or(page.locator('input[data-testid="problem-form-campaign"]'))
      .first()
      .fill('主题教育检视整改')
    await pickSearched(page, 'problem-form-unit', '和平区')
    await page.getByTestId('problem-form-leader').fill('张副局长')
    await page.getByTestId('measure-0-content').fill('逐校核查食品留样记录并建立周检制度')
    await page.getByTestId('measure-0-owner').fill('和平区教育局后勤科')
    await fillDate(page, 'measure-0-deadline', '2026-12-31')
    await screenshot(page, 'rectification-register')
    await page.getByTestId('problem-form-submit').click()

    // The new problem opens in the drawer, open, with its generated code.
    await drawerStatus(page, '待整改')
    code = ((await page.getByTestId('problem-code').textContent()) ?? '').trim()
    expect(code).toMatch(/^ZG2026\d{5}$/)

    await page.getByTestId('problem-action-start').click()
    await drawerStatus(page, '整改中')

    // Evidence: a PNG made here, with a note, tied to the measure.
    await page.getByTestId('evidence-upload').click()
    await page
      .locator('.ant-modal:visible input[type=file]')
      .setInputFiles({ name: '食堂留样检查照片.png', mimeType: 'image/png', buffer: PNG })
    await page.getByTestId('evidence-chosen').waitFor()
    await page.getByTestId('evidence-note').fill('和平区第一小学食堂现场检查')
    await page.getByTestId('evidence-measure').click()
    await pickOption(page, '#1')
    await page.getByTestId('evidence-submit').click()
    const evidence = page.getByTestId('problem-evidence')
    await evidence.getByText('食堂留样检查照片.png').waitFor()
    await evidence.getByText('PNG', { exact: true }).waitFor()

    await page.getByTestId('measure-done-1').click()
    await page.getByTestId('problem-measures').getByText('已完成', { exact: true }).waitFor()
    await page.getByTestId('problem-action-complete').click()
    await drawerStatus(page, '已整改待销号')

    // He recorded the problem: the page says why he may not sign it off, and the button stays shut.
    await page.getByTestId('problem-signoff-refusal').getByText('录入人或责任人').waitFor()
    expect(await page.getByTestId('problem-signoff').isDisabled()).toBe(true)
    await screenshot(page, 'rectification-owner-refused')
    // The server refuses him too: the rule lives there, the page only says so first.
    const listed = await page.request.get(`${server.url}/api/rectification/problems?q=${code}`)
    const problem = ((await listed.json()) as { items: { id: number; version: number }[] }).items[0]
    expect(problem).toBeDefined()
    const refused = await apiPost(page, `/api/rectification/problems/${problem?.id}/signoff`, {
      version: problem?.version,
      comment: '',
    })
    expect(refused.status()).toBe(403)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'problem_signoff_by_owner',
    )

    // A leader reviews and signs it off.
    const leader = await newPage()
    await login(leader, server.url, 'leader', DEMO_PASSWORD)
    await leader.goto(`${server.url}/rectification`)
    await leader
      .getByTestId('problem-search')
      .locator('input')
      .or(leader.locator('input[data-testid="problem-search"]'))
      .first()
      .fill(code)
    await leader.getByTestId(`problem-row-${code}`).click()
    await drawerStatus(leader, '已整改待销号')
    expect(await leader.getByTestId('problem-signoff').isEnabled()).toBe(true)
    await leader.getByTestId('problem-signoff').click()
    await leader.getByTestId('problem-reason-text').fill('佐证材料齐全，同意销号')
    await leader.getByTestId('problem-reason-submit').click()
    await drawerStatus(leader, '已销号')
    await leader.getByTestId('problem-signoff-record').getByText('同意销号').waitFor()
    await leader.getByTestId('problem-timeline').getByText('销号', { exact: true }).waitFor()
    await screenshot(leader, 'rectification-signed-off')

    // The figures moved: one more problem found, one more signed off.
    await page.keyboard.press('Escape')
    await page.getByTestId('problem-drawer').waitFor({ state: 'hidden' })
    await page.getByTestId('rectification-tab-figures').click()
    await expect.poll(() => figure(page, 'found')).toBe(before.found + 1)
    await expect.poll(() => figure(page, 'signedOff')).toBe(before.signedOff + 1)
    await page.getByTestId('figure-chart-unit').waitFor()
    await screenshot(page, 'rectification-figures')
  })

  it('registers and publishes an ethics case whose public summary names no one', async () => {
    const page = dept
    await openTab(page, 'ethics', 'cases')
    await page.getByTestId('ethics-register').click()
    await page.getByTestId('ethics-form-teacher').fill('王晓明')
    await page.getByTestId('ethics-form-id').fill(idNumber('21010219860315123'))
    await pickSearched(page, 'ethics-form-school', '新华小学', '和平区新华小学')
    await fillDate(page, 'ethics-form-occurred', '2026-10-12')
    await page.getByTestId('ethics-form-type').click()
    await pickOption(page, '有偿补课')
    await page.getByTestId('ethics-form-handling').click()
    await pickOption(page, '记过')
    await page
      .getByTestId('ethics-form-finding')
      .fill('王晓明在和平区新华小学任教期间组织学生有偿补课，收取费用3200元。')
    await page.getByTestId('ethics-form-handling-detail').fill('责令退还所收费用')
    await screenshot(page, 'ethics-register')
    await page.getByTestId('ethics-form-submit').click()

    // The case opens masked: the drawer never shows the name until asked.
    const drawer = page.getByTestId('ethics-drawer')
    await drawer.getByText('未通报').waitFor()
    expect(await page.getByTestId('ethics-teacher').textContent()).toBe('王**')
    expect(await page.getByTestId('ethics-finding').textContent()).not.toContain('晓明')

    await page.getByTestId('ethics-publish').click()
    await page.getByTestId('ethics-publish-confirm').click()
    const text = page.getByTestId('ethics-public-text')
    await text.waitFor()
    const summary = (await text.textContent()) ?? ''
    expect(summary).toContain('王某')
    for (const secret of ['王晓明', '晓明', '新华小学', '和平区', '新华'])
      expect(summary, `the public summary shows ${secret}`).not.toContain(secret)
    await screenshot(page, 'ethics-published')

    const caseNo = ((await page.getByTestId('ethics-case-no').textContent()) ?? '').trim()
    expect(caseNo).toMatch(/^SD2026\d{4}$/)

    // The full view is one explicit, audited step.
    await page.getByTestId('ethics-show-full').click()
    await page.getByTestId('ethics-full-note').waitFor()
    await page.getByTestId('ethics-teacher').getByText('王晓明').waitFor()
    await screenshot(page, 'ethics-full-view')

    // A case document (the scanned decision letter), listed under the note that downloads are audited.
    await page.getByTestId('ethics-doc-upload').click()
    await page
      .locator('.ant-modal:visible input[type=file]')
      .setInputFiles({ name: '处理决定书扫描件.png', mimeType: 'image/png', buffer: PNG })
    await page.getByTestId('ethics-doc-chosen').waitFor()
    await page.getByTestId('ethics-doc-submit').click()
    const documents = page.getByTestId('ethics-documents')
    await documents.getByText('处理决定书扫描件.png').waitFor()
    await page.getByTestId('ethics-teacher').getByText('王晓明').waitFor()
    await documents.scrollIntoViewIfNeeded()
    await screenshot(page, 'ethics-documents')
    await page.keyboard.press('Escape')
    await page.getByTestId('ethics-drawer').waitFor({ state: 'hidden' })

    // The published list offers the same text.
    await page.getByTestId('ethics-tab-published').click()
    await page.getByTestId(`ethics-public-open-${caseNo}`).click()
    await page.getByTestId('ethics-published-table').getByText('王某').first().waitFor()
    await screenshot(page, 'ethics-published-list')
  })

  it('shows every tab in the city demo, and in English', async () => {
    const page = dept
    // A fresh load: a drawer or modal left open by a failed step above must not hide this test's own result.
    await page.reload()
    for (const [module, tab] of [
      ['rectification', 'problems'],
      ['rectification', 'categories'],
      ['ethics', 'cases'],
      ['ethics', 'types'],
    ] as const) {
      await openTab(page, module, tab)
      await screenshot(page, `tab-${module}-${tab}`)
    }
    // The language switch, as a user presses it: the figures in English.
    await page.getByTestId('lang-switch').click()
    await openTab(page, 'rectification', 'figures')
    await page.getByText('Rectification rate').first().waitFor()
    await screenshot(page, 'rectification-figures-en')
    await openTab(page, 'rectification', 'problems')
    await page.getByText('Record a problem').waitFor()
    await screenshot(page, 'rectification-problems-en')
  })

  it('logged no browser errors', () => {
    expect(consoleWatch.errors).toEqual([])
  })
})
