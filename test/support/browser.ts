import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/main.js';

const ROOT = resolve(import.meta.dirname, '../..');
const WEB_BUILD = join(ROOT, 'dist/web/index.html');
/** Where the browser tests leave their screenshots; .gitignore covers it. */
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

/** Debian's chromium, or CHROMIUM_PATH; the tests never download a browser of their own. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH)');
  return found;
}

/** The built web app; built here once when `npm install` has not built it (its `prepare` script does). */
export function ensureWebBuilt(): void {
  if (existsSync(WEB_BUILD)) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', join(ROOT, 'web')], { cwd: ROOT, stdio: 'inherit' });
}

export interface DemoServer {
  baseUrl: string;
  /** Its data folder: a test may open the database beside it, as a regulator's tool would. */
  dataDir: string;
  /** What the server printed at its first start, as a newcomer reads it in the terminal. */
  printed: string[];
  /** The demo logins' password, read from what was printed. */
  password: string;
  close(): Promise<void>;
}

/**
 * The platform as `npm start` runs it on a fresh machine: a new SQLite data folder, the demo loaded and its logins
 * printed, the web app served on the same port (a free one).
 */
export async function startDemoServer(): Promise<DemoServer> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(join(inject('scratchDir'), 'web-'));
  const printed: string[] = [];
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ZHUISU_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ZHUISU_CAPTURE_WORKERS: '0' });
  const server = await startServer(config, (line) => printed.push(line));
  const { port } = server.app.server.address() as AddressInfo;
  // The line reads "(password 密码 demo-…, shown once; …)": the comma ends the password.
  const password = /password 密码 ([^\s,]+)/.exec(printed.join('\n'))?.[1];
  if (!password) throw new Error(`no demo password printed:\n${printed.join('\n')}`);
  return { baseUrl: `http://127.0.0.1:${port}`, dataDir, printed, password, close: server.close };
}

/** Headless Chromium as CI can run it: as root in a container, without a GPU, with no calls home. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
      '--disable-default-apps', '--disable-sync', '--no-first-run', '--metrics-recording-only'],
  });
}

/** A phone: the viewport, touch and user agent of a mid-range Android handset. */
export async function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
  });
}

export async function desktopContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The hooks of a browser test file: one demo server and one browser for the file, started before its first test and
 * closed after its last, and the contexts a test opens closed after that test.
 */
export function useDemoBrowser(): { readonly server: DemoServer; open(kind: 'phone' | 'desktop'): Promise<BrowserContext> } {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  const opened: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const context of opened.splice(0)) await context.close();
  });
  const started = () => {
    if (!server || !browser) throw new Error('the demo server and browser start before the first test');
    return { server, browser };
  };
  return {
    get server() {
      return started().server;
    },
    async open(kind) {
      const { server: demo, browser: chromium } = started();
      const context = await (kind === 'phone' ? phoneContext : desktopContext)(chromium, demo.baseUrl);
      opened.push(context);
      return context;
    },
  };
}
