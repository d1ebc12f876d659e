/**
 * The foundation journey (issue 2, part 12): the admin creates a county and a county user; that
 * user sees only the county; the audit page shows both changes. Also: the language choice sticks,
 * the demo is marked, and the main pages are photographed at 1280×800 and 1920×1080.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ADMIN_PASSWORD,
  ConsoleWatch,
  DEMO_PASSWORD,
  launchBrowser,
  login,
  logout,
  openContext,
  pickOption,
  pickSearched,
  screenshot,
  startServer,
  type TestServer,
} from './harness.js'

// 示例市 is 210100 and the demo uses real 2101xx county codes; 210190 is free and well-formed.
const COUNTY = { name: '滨河新区', code: '210190' }
const CLERK = { username: 'county_binhe', displayName: '滨河新区教育局', password: 'Binhe-2026-clerk' }

let server: TestServer
let browser: Browser
const consoleWatch = new ConsoleWatch()
const contexts: BrowserContext[] = []

async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await openContext(browser, viewport)
  contexts.push(context)
  return consoleWatch.newPage(context)
}

/** The tree node (a <span title=name>) of a unit, by its exact name. */
const treeNode = (page: Page, name: string) =>
  page.getByTestId('org-tree').locator(`[data-testid^="org-node-"][title="${name}"]`)

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {})
  await browser?.close()
  await server?.stop()
})

describe('foundation journey', () => {
  it('admin creates a county and a county user; the audit page shows both', async () => {
    const page = await newPage()
    await page.goto(`${server.url}/login`)
    await page.getByTestId('login-submit').waitFor()
    // The demo is marked on the login page, with its users listed.
    await page.getByTestId('demo-badge').waitFor()
    await page.getByTestId('demo-users').waitFor()
    await screenshot(page, 'login')

    await login(page, server.url, 'admin', ADMIN_PASSWORD)
    await page.waitForURL(/\/org$/)
    await page.getByTestId('demo-badge').waitFor()
    for (const key of ['org', 'users', 'audit', 'profile']) await page.getByTestId(`menu-${key}`).waitFor()

    // Select 示例市 in the tree and add a county under it.
    await treeNode(page, '示例市').click()
    await page.getByTestId('org-selected').getByText('示例市', { exact: true }).waitFor()
    await page.getByTestId('org-add-child').click()
    await page.getByTestId('org-form-name').fill(COUNTY.name)
    await page.getByTestId('org-form-code').fill(COUNTY.code)
    // A city's child defaults to a county; the form must have chosen that by itself.
    await expect(
      page.locator('.ant-drawer').getByText('区县', { exact: true }).count(),
    ).resolves.toBeGreaterThan(0)
    await page.getByTestId('org-form-submit').click()
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' })
    await page.getByTestId('org-table').getByText(COUNTY.name, { exact: true }).waitFor()
    await screenshot(page, 'org')

    // The same code again is refused with a field message, not a 500.
    const dupe = await page.request.post(`${server.url}/api/org-units`, {
      headers: { 'x-csrf-token': await csrf(page), 'x-lang': 'zh-CN' },
      data: { parentId: await unitId(page, '示例市'), name: '重复区', kind: 'county', code: COUNTY.code },
    })
    expect(dupe.status()).toBe(409)

    // A user scoped to the new county.
    await page.getByTestId('menu-users').click()
    await page.waitForURL(/\/users$/)
    await page.getByTestId('user-table').getByText('county_heping', { exact: true }).waitFor()
    await screenshot(page, 'users')
    await page.getByTestId('user-add').click()
    await page.getByTestId('user-form-username').fill(CLERK.username)
    await page.getByTestId('user-form-displayname').fill(CLERK.displayName)
    await page.getByTestId('user-form-role').click()
    await pickOption(page, '区县教育局')
    await pickSearched(page, 'user-form-scope', COUNTY.name, `${COUNTY.name}（${COUNTY.code}）`)
    await page.getByTestId('user-form-password').fill(CLERK.password)
    await page.getByTestId('user-form-submit').click()
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' })
    await page.getByTestId('user-table').getByText(CLERK.username, { exact: true }).waitFor()

    // The audit page shows both changes, newest first, by the admin. The action column shows a
    // label (新增单位) and keeps the code (org.create) in its title.
    await page.getByTestId('menu-audit').click()
    await page.waitForURL(/\/audit$/)
    const table = page.getByTestId('audit-table')
    await table.locator('[title="user.create"]').first().waitFor()
    await table.locator('[title="org.create"]').first().waitFor()
    const rows = await auditRows(page)
    const userRow = rows.findIndex((r) => r.includes('user.create'))
    const orgRow = rows.findIndex((r) => r.includes('org.create'))
    expect(userRow).toBeGreaterThanOrEqual(0)
    expect(orgRow).toBeGreaterThan(userRow)
    expect(rows[userRow]).toMatch(/\tadmin\t/)
    expect(rows[orgRow]).toMatch(/\tadmin\t/)
    await screenshot(page, 'audit')

    // The chain verifies in the browser too.
    await page.getByTestId('audit-verify').click()
    await page.getByTestId('audit-verify-result').waitFor()
    await page.keyboard.press('Escape')

    await logout(page)
  })

  it('the county user sees only the county', async () => {
    const page = await newPage()
    await login(page, server.url, CLERK.username, CLERK.password)
    await page.waitForURL(/\/org$/)
    await page.getByTestId('menu-org').waitFor()
    await page.getByTestId('menu-profile').waitFor()
    expect(await page.getByTestId('menu-users').count()).toBe(0)
    expect(await page.getByTestId('menu-audit').count()).toBe(0)

    // The tree holds the county and nothing else (it has no schools yet).
    await treeNode(page, COUNTY.name).waitFor()
    const nodes = await page.getByTestId('org-tree').locator('[data-testid^="org-node-"]').allInnerTexts()
    expect(nodes).toEqual([`${COUNTY.name}${COUNTY.code}`])
    await page.getByTestId('org-selected').getByText(COUNTY.name, { exact: true }).waitFor()
    await screenshot(page, 'org-county-user')

    // The API agrees: one unit in scope, another county's record is not found, users are refused.
    const tree = (await (await page.request.get(`${server.url}/api/org-units/tree`)).json()) as {
      items: { name: string }[]
    }
    expect(tree.items.map((u) => u.name)).toEqual([COUNTY.name])
    const heping = await page.request.get(`${server.url}/api/org-units?q=和平区`)
    expect(((await heping.json()) as { total: number }).total).toBe(0)
    expect((await page.request.get(`${server.url}/api/users`)).status()).toBe(403)
    expect((await page.request.get(`${server.url}/api/audit`)).status()).toBe(403)

    // Typing an admin page's address shows a result page (the county's menu does not even know
    // the module), never the page itself.
    await page.goto(`${server.url}/users`)
    await page.locator('.ant-result-403, .ant-result-404').waitFor()
    expect(await page.getByTestId('user-table').count()).toBe(0)
  })

  it('a demo user of another county never sees the new county', async () => {
    const page = await newPage()
    await login(page, server.url, 'county_heping', DEMO_PASSWORD)
    await treeNode(page, '和平区').waitFor()
    expect(await treeNode(page, COUNTY.name).count()).toBe(0)
    const res = await page.request.get(`${server.url}/api/org-units?q=${encodeURIComponent(COUNTY.name)}`)
    expect(((await res.json()) as { total: number }).total).toBe(0)
  })

  it('the English switch sticks after a reload and a new login', async () => {
    const page = await newPage()
    await page.goto(`${server.url}/login`)
    await page.getByTestId('lang-switch').click()
    await page
      .getByTestId('login-submit')
      .getByText(/log ?in|sign ?in/i)
      .waitFor()
    await login(page, server.url, 'leader', DEMO_PASSWORD)
    await page.getByTestId('menu-org').getByText('Organisation').waitFor()
    await page.reload()
    await page.getByTestId('menu-org').getByText('Organisation').waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    // The demo badge is bilingual, so it reads the same in both languages.
    await page.getByTestId('demo-badge').waitFor()
    await screenshot(page, 'org-en')
    await logout(page)
    await page.reload()
    await page
      .getByTestId('login-submit')
      .getByText(/log ?in|sign ?in/i)
      .waitFor()
    // Back to Chinese, which also sticks.
    await page.getByTestId('lang-switch').click()
    await page
      .getByTestId('login-submit')
      .getByText(/登\s*录/)
      .waitFor()
    await page.reload()
    await page
      .getByTestId('login-submit')
      .getByText(/登\s*录/)
      .waitFor()
  })

  it('the main pages at 1920×1080', async () => {
    const page = await newPage({ width: 1920, height: 1080 })
    await page.goto(`${server.url}/login`)
    await page.getByTestId('demo-users').waitFor()
    await screenshot(page, 'login')
    await login(page, server.url, 'admin', ADMIN_PASSWORD)
    await treeNode(page, '示例市').click()
    await page.getByTestId('org-table').getByText(COUNTY.name, { exact: true }).waitFor()
    await screenshot(page, 'org')
    await page.getByTestId('menu-users').click()
    await page.getByTestId('user-table').getByText(CLERK.username, { exact: true }).waitFor()
    await screenshot(page, 'users')
    await page.getByTestId('menu-audit').click()
    await page.getByTestId('audit-table').locator('[title="org.create"]').first().waitFor()
    await screenshot(page, 'audit')
  })

  it('had no unexpected browser errors', () => {
    expect(consoleWatch.errors).toEqual([])
  })
})

async function csrf(page: Page): Promise<string> {
  const cookies = await page.context().cookies()
  return cookies.find((c) => c.name === 'edu_csrf')?.value ?? ''
}

async function unitId(page: Page, name: string): Promise<number> {
  const res = await page.request.get(`${server.url}/api/org-units?q=${encodeURIComponent(name)}`)
  const body = (await res.json()) as { items: { id: number; name: string }[] }
  const unit = body.items.find((u) => u.name === name)
  if (!unit) throw new Error(`no unit named ${name}`)
  return unit.id
}

/** Each audit row's text plus the codes kept in title attributes (the action code). */
async function auditRows(page: Page): Promise<string[]> {
  const out: string[] = []
  for (const row of await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').all()) {
    const titles: string[] = []
    for (const el of await row.locator('[title]').all()) titles.push((await el.getAttribute('title')) ?? '')
    out.push(`${(await row.locator('td').allTextContents()).join('\t')}\t${titles.join(' ')}`)
  }
  return out
}
