/**
 * What every browser journey needs: the real server started the way a user starts it (`edu-ledger
 * serve` as a child process, fresh data directory, random port), and Debian's Chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Screenshots and server logs of the last run; ignored by git. */
export const OUT_DIR = path.join(ROOT, 'e2e', '.out')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
export const ADMIN_PASSWORD = 'E2e-Admin-2026'
export const DEMO_PASSWORD = 'Demo@2026'

export interface TestServer {
  url: string
  port: number
  dataDir: string
  /** Everything the server printed so far (for failure messages). */
  output(): string
  stop(): Promise<void>
}

/** A port the OS just handed out; the tiny race with another process taking it is acceptable here. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode} before it was healthy:\n${log()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${log()}`)
}

/**
 * Starts `node bin/edu-ledger.mjs serve` on SQLite in a fresh temp directory. The first start
 * migrates, loads the demo city and creates `admin` with {@link ADMIN_PASSWORD}.
 */
/**
 * A browser context as a user in China has it. Its clock runs months ahead of the server's: every
 * date a page shows, defaults to or allows must be the server's (GET /api/today), never the PC's,
 * or a form would send a date the server refuses as in the future.
 */
export async function openContext(browser: Browser, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.clock.install({ time: new Date(BROWSER_NOW) })
  return context
}
export const BROWSER_NOW = '2027-03-01T02:00:00.000Z'

/** The server's "now" in every journey that does not move the clock itself: 10:00 in Shanghai. */
export const E2E_NOW = '2026-11-27T02:00:00.000Z'

export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) {
    throw new Error(
      'web/dist is missing: run `npm install` (its prepare step builds the web) or `npm run build:web`',
    )
  }
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edu-ledger-e2e-'))
  // The journeys type dates ("received 2026-11-20, accepted 2026-11-23"): they hold only on a known
  // day, so the server reads a fixed "now" from a file unless the caller brings its own clock.
  const clockFile = path.join(dataDir, 'now')
  if (!env.EDU_LEDGER_CLOCK_FILE) fs.writeFileSync(clockFile, E2E_NOW)
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    EDU_LEDGER_DATA_DIR: dataDir,
    EDU_LEDGER_ADMIN_PASSWORD: ADMIN_PASSWORD,
    EDU_LEDGER_DEMO: 'city',
    EDU_LEDGER_LOG_LEVEL: 'warn',
    EDU_LEDGER_CLOCK_FILE: clockFile,
    // Every list answer served from the cache is recomputed and compared (server/http/answer-cache.ts).
    EDU_LEDGER_ANSWER_CACHE: 'verify',
    ...env,
  }
  // The journeys run on the embedded database unless a caller passes DATABASE_URL explicitly.
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'edu-ledger.mjs'), 'serve'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (b: Buffer) => {
    log += b.toString()
  })
  child.stderr?.on('data', (b: Buffer) => {
    log += b.toString()
  })
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitForHealth(url, child, () => log, 60_000)
  } catch (err) {
    await stop()
    throw err
  }
  return { url, port, dataDir, output: () => log, stop }
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`,
    )
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/**
 * Browser errors a journey did not expect. The console reports every non-2xx response as
 * "Failed to load resource"; 401 (the anonymous /api/auth/me on the login page) and 409 (a
 * conflict the page shows to the user) are part of normal use, anything else is a failure.
 */
export class ConsoleWatch {
  readonly errors: string[] = []
  private static readonly EXPECTED =
    /Failed to load resource: the server responded with a status of (401|409)\b/
  /** The harness's own clock script, refused (rightly) inside the report preview's script-less frame. */
  private static readonly SANDBOXED =
    /Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/

  watch(page: Page): Page {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return
      const text = msg.text()
      if (ConsoleWatch.EXPECTED.test(text) || ConsoleWatch.SANDBOXED.test(text)) return
      this.errors.push(`[console] ${page.url()} ${text}`)
    })
    page.on('pageerror', (err) => this.errors.push(`[pageerror] ${page.url()} ${err.message}`))
    // Which request failed: the console names only the page.
    page.on('response', (r) => {
      if (r.status() === 403 || r.status() >= 500) this.errors.push(`[response] ${r.status()} ${r.url()}`)
    })
    return page
  }

  async newPage(context: BrowserContext): Promise<Page> {
    return this.watch(await context.newPage())
  }
}

/** Logs in through the login form and waits for the shell. */
export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('header-user').waitFor()
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click()
  await page.getByTestId('login-submit').waitFor()
}

/** Picks an option in the open antd Select / TreeSelect dropdown (`exact`: the whole text). */
export async function pickOption(page: Page, text: string, exact = false, timeout?: number): Promise<void> {
  await page
    // A dropdown still closing from the previous pick (its motion class ends in -leave) is no target.
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])')
    .locator('.ant-select-item-option, .ant-select-tree-treenode')
    // A dropdown closing from the previous pick may still be in the DOM: only a visible option counts.
    .filter({ hasText: exact ? new RegExp(`^${text}$`) : text, visible: true })
    .first()
    .click(timeout === undefined ? {} : { timeout })
}

/**
 * Opens a select (a locator) and picks the option whose whole text is `text`, then checks the
 * select shows it: a page that re-renders beside the select (a live preview) can shift the
 * dropdown under the click and close it, so the pick is retried (at most three times).
 */
export async function pickIn(page: Page, select: Locator, text: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click()
    await pickOption(page, text, true, 5_000).catch(() => page.keyboard.press('Escape'))
    if ((await select.textContent())?.includes(text)) return
  }
  throw new Error(`${text} could not be picked`)
}

/**
 * Opens a searchable select (found by its test id), types into its search and picks the option,
 * then checks the pick took: a click that lands while a tree select redraws its filtered nodes
 * leaves the field empty on a slow machine, so the pick is retried (at most three times).
 */
export async function pickSearched(page: Page, testId: string, typed: string, option = typed): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId(testId).click()
    await page.keyboard.type(typed)
    await pickOption(page, option)
    if ((await page.getByTestId(testId).textContent())?.includes(typed)) return
  }
  throw new Error(`${testId}: ${option} could not be picked`)
}

/** Types a date into an antd DatePicker (found by its test id) and confirms it. */
export async function fillDate(page: Page, testId: string, isoDate: string): Promise<void> {
  const input = page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first()
  await input.click()
  await input.fill(isoDate)
  // Tab, not Enter: Enter would also submit the form the picker sits in.
  await page.keyboard.press('Tab')
}

/** Saves a full-page PNG under e2e/.out/screenshots/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const vp = page.viewportSize()
  const dir = path.join(OUT_DIR, 'screenshots')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}-${vp?.width ?? 0}x${vp?.height ?? 0}.png`)
  // Let lazy chunks, fonts, loading spinners and antd's motion settle: the page at rest.
  // (Strings, not functions: this project type-checks without the DOM library.)
  await page.evaluate('document.fonts.ready')
  await page
    .waitForFunction("document.querySelectorAll('.ant-spin-spinning').length === 0", undefined, {
      timeout: 10_000,
    })
    .catch(() => {})
  await page.waitForTimeout(400)
  await page.screenshot({ path: file })
  return file
}
