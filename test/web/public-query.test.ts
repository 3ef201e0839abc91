import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTraceCode, issueTraceCode, parseTraceCode } from '../../src/domain/ids/trace-code.js';
import { createDb } from '../../src/store/db.js';
import { createPublicListStore } from '../../src/store/public-list-store.js';
import { screenshot, useDemoBrowser } from '../support/browser.js';

interface QueryAnswer {
  registered: boolean;
  product?: { name: string };
  stages: Array<{ name: { zh: string; en: string }; party?: { name: string }; facts: Array<{ name: { zh: string; en: string } }> }>;
  scans: { count: number };
}

const PHONE_WIDTH = 390;
// A 1×1 PNG, as a phone's camera roll would hand the form a (much larger) picture.
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('public trace-code query in the browser', () => {
  const web = useDemoBrowser();
  let codes: string[];

  beforeAll(() => {
    const printed = web.server.printed.find((line) => line.includes('trace codes of retail packs:'));
    codes = (printed?.split('retail packs:')[1] ?? '').split(',').map((c) => c.trim()).filter(Boolean);
    expect(codes).toHaveLength(2);
  });

  async function phone(): Promise<Page> {
    const context = await web.open('phone');
    // Shorter than the test's own timeout, so that a missing element fails with its selector named.
    context.setDefaultTimeout(10_000);
    return context.newPage();
  }

  /** Opens a query page and returns the JSON its own request got, counting the requests the page made for it. */
  async function openQuery(page: Page, path: string): Promise<{ answer: QueryAnswer; requests: number }> {
    let requests = 0;
    page.on('request', (r) => { if (new URL(r.url()).pathname === path && r.resourceType() === 'fetch') requests += 1; });
    const response = page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().resourceType() === 'fetch');
    await page.goto(path);
    const answer = (await (await response).json()) as QueryAnswer;
    await page.getByTestId('query-scans').waitFor();
    return { answer, requests };
  }

  /** How wide the page lays itself out; wider than the phone means something overflows sideways. */
  function pageWidth(page: Page): Promise<number> {
    return page.evaluate<number>('document.documentElement.scrollWidth');
  }

  it('shows a consumer on a phone the product and every stage the server answers for a demo code, asking once', async () => {
    const page = await phone();
    const path = `/t/${codes[0]}`;
    const { answer, requests } = await openQuery(page, path);

    expect(answer.registered).toBe(true);
    expect(answer.stages.length).toBeGreaterThanOrEqual(4);
    await expect(page.getByTestId('query-product-name').textContent()).resolves.toBe(answer.product?.name);
    expect(await page.getByTestId('query-stage').count()).toBe(answer.stages.length);
    expect(await page.getByTestId('query-stage-name').allTextContents()).toEqual(answer.stages.map((s) => s.name.zh));
    expect(answer.scans.count).toBe(1);
    await expect(page.getByTestId('query-scans').getAttribute('data-count')).resolves.toBe('1');
    await expect(page.getByTestId('query-scans').getAttribute('class')).resolves.toContain('ant-alert-info');
    expect(requests).toBe(1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await screenshot(page, 'public-query-phone');
  });

  it('warns on the second scan of a code that it has been queried 2 times', async () => {
    const page = await phone();
    await page.goto('/');
    await page.getByTestId('home-search').locator('input').fill(codes[1] ?? '');
    await page.getByTestId('home-search').locator('input').press('Enter');
    await page.getByTestId('query-scans').waitFor();
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/t/${codes[1]}`);
    await expect(page.getByTestId('query-scans').getAttribute('data-count')).resolves.toBe('1');

    const { answer } = await openQuery(page, `/t/${codes[1]}`);
    expect(answer.scans.count).toBe(2);
    const notice = page.getByTestId('query-scans');
    await expect(notice.getAttribute('data-count')).resolves.toBe('2');
    await expect(notice.getAttribute('class')).resolves.toContain('ant-alert-warning');
    expect(await notice.textContent()).toContain('2');
    await screenshot(page, 'public-query-second-scan');
  });

  it('calls an unregistered code possibly counterfeit, files a one-tap report and finds it on /report by its number', async () => {
    const page = await phone();
    const unknown = formatTraceCode(issueTraceCode('000000', (n) => randomBytes(n)));
    const { answer } = await openQuery(page, `/t/${unknown}`);
    expect(answer.registered).toBe(false);
    await page.getByTestId('query-unknown').waitFor();
    expect(await page.getByTestId('query-stage').count()).toBe(0);
    await screenshot(page, 'public-query-unknown');

    await page.getByTestId('report-button').click();
    await page.getByTestId('report-form').waitFor();
    await expect(page.getByTestId('report-code').inputValue()).resolves.toBe(unknown);
    expect(await page.getByTestId('report-category').textContent()).toContain('假冒伪劣');
    await page.getByTestId('report-description').fill('超市购买的猪肉包装上的追溯码查不到登记信息');
    await page.locator('input[type=file]').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(2 * 1024 * 1024 + 1) });
    await page.locator('.ant-message-notice').waitFor();
    expect(await page.locator('.ant-upload-list-item').count()).toBe(0);
    await page.locator('input[type=file]').setInputFiles({ name: 'pack.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await page.locator('.ant-upload-list-item').waitFor();
    await screenshot(page, 'public-report-form');
    await page.getByTestId('report-submit').click();

    const trackingNumber = (await page.getByTestId('report-tracking-number').textContent())?.trim() ?? '';
    expect(trackingNumber).not.toBe('');
    await screenshot(page, 'public-report-filed');
    const stored = await (await fetch(`${web.server.baseUrl}/api/v1/reports/${encodeURIComponent(trackingNumber)}`)).json() as { code: string; category: string };
    expect(stored.category).toBe('counterfeit');
    expect(parseTraceCode(stored.code).code).toBe(parseTraceCode(unknown).code);

    await page.goto('/report');
    await page.getByTestId('report-lookup').locator('input').fill(trackingNumber);
    await page.getByTestId('report-lookup').locator('input').press('Enter');
    await expect(page.getByTestId('report-status').getAttribute('data-status')).resolves.toBe('received');
    await expect(page.getByTestId('report-code-found').textContent()).resolves.toBe(stored.code);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await screenshot(page, 'public-report-lookup');
  });

  it('opens a food lot at its GS1 Digital Link path and shows it in English after the switch', async () => {
    // The food chain the demo printed, recorded through the records API with parties, places and data elements.
    const at = web.server.printed.findIndex((line) => line.includes('[food]'));
    const lot = /'(urn:epc:class:lgtin:[^']+)'/.exec(web.server.printed[at + 1] ?? '')?.[1] ?? '';
    const trace = await (await fetch(`${web.server.baseUrl}/api/v1/trace/${encodeURIComponent(lot)}?direction=backward`)).json() as {
      nodes: Array<{ id: string; identifiers: string[] }>;
    };
    const link = trace.nodes.find((n) => n.id === lot)?.identifiers.find((i) => i.startsWith('https://id.gs1.org/01/'));
    expect(link).toMatch(/^https:\/\/id\.gs1\.org\/01\/\d{14}\/10\//);
    const page = await phone();
    const { answer } = await openQuery(page, new URL(link ?? '').pathname);
    expect(answer.registered).toBe(true);
    expect(answer.product?.name).toBeTruthy();
    await expect(page.getByTestId('query-product-name').textContent()).resolves.toBe(answer.product?.name);
    const parties = [...new Set(answer.stages.flatMap((s) => (s.party ? [s.party.name] : [])))];
    expect(parties.length).toBeGreaterThanOrEqual(2);
    for (const party of parties) expect(await page.getByTestId('query-timeline').textContent()).toContain(party);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await screenshot(page, 'public-query-digital-link');

    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(await page.getByTestId('query-stage-name').allTextContents()).toEqual(answer.stages.map((s) => s.name.en));
    const facts = answer.stages.flatMap((s) => s.facts.map((f) => f.name.en));
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) expect(await page.getByTestId('query-timeline').textContent()).toContain(fact);
    expect(await page.getByTestId('query-scans').textContent()).toContain(`Queried ${answer.scans.count} time`);
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    await screenshot(page, 'public-query-english');
  });

  it('opens the page of the GS1 Digital Link a phone camera reads from a label', async () => {
    const page = await phone();
    const label = 'https://id.gs1.org/01/06901002000200/10/L20260305';
    // The camera and the browser's barcode reader are the device's; the page gets a blank stream and the label's text.
    await page.addInitScript(`
      window.BarcodeDetector = class { detect() { return Promise.resolve([{ rawValue: ${JSON.stringify(label)} }]); } };
      navigator.mediaDevices.getUserMedia = () => Promise.resolve(document.createElement('canvas').captureStream());
    `);
    const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/01/06901002000200/10/L20260305');
    await page.goto('/');
    await page.getByTestId('home-search').waitFor();
    await screenshot(page, 'public-home');
    await page.getByRole('button', { name: '扫码' }).click();
    expect((await (await response).json() as QueryAnswer).registered).toBe(true);
    await page.getByTestId('query-timeline').waitFor();
    expect(new URL(page.url()).pathname).toBe('/01/06901002000200/10/L20260305');
  });

  it('shows a red banner on the page of a recalled lot whose producer is blacklisted, once the regulator publishes both', async () => {
    // The rare-earth chain: no other test of this file opens it, and its producer is in no other chain.
    const chainAt = web.server.printed.findIndex((line) => line.includes('[rare-earth]'));
    const lot = /trace '([^']+)'/.exec(web.server.printed[chainAt + 1] ?? '')?.[1] ?? '';
    const path = `/t/${encodeURIComponent(lot)}`;
    const asked = async () => (await (await fetch(`${web.server.baseUrl}${path}`, { headers: { accept: 'application/json' } })).json()) as QueryAnswer & { producer?: { uscc: string; name: string }; warnings: Array<{ kind: string; detail: string }> };
    const before = await asked();
    expect(before.registered).toBe(true);
    expect(before.warnings).toEqual([]);
    const producer = before.producer;
    if (!producer) throw new Error(`the rare-earth chain's lot ${lot} names no producer`);

    const db = createDb({ sqliteFile: join(web.server.dataDir, 'zhuisu.db') });
    try {
      const lists = createPublicListStore(db);
      const since = new Date(Date.now() - 60_000).toISOString();
      await lists.addRecall({ recallId: 'recall-e2e-1', unitId: lot, product: 'rare-earth-oxide', party: producer.uscc, reason: '放射性指标超标 / radioactivity over the limit', startedAt: since });
      await lists.addToBlacklist({ uscc: producer.uscc, name: producer.name, reason: '伪造检验报告 / forged inspection reports', listedAt: since });
    } finally {
      await db.destroy();
    }

    // The public lists are read again every few seconds, not at every query.
    const deadline = Date.now() + 15_000;
    let after = await asked();
    while (after.warnings.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = await asked();
    }
    expect(after.warnings.map((w) => [w.kind, w.detail])).toEqual([
      ['recall', '放射性指标超标 / radioactivity over the limit'],
      ['blacklist', '伪造检验报告 / forged inspection reports'],
    ]);

    const page = await phone();
    await page.goto(path);
    await page.getByTestId('query-warning').first().waitFor();
    const banners = page.getByTestId('query-warning');
    expect(await banners.count()).toBe(2);
    expect(await banners.nth(0).textContent()).toContain('该产品正在召回');
    expect(await banners.nth(0).textContent()).toContain('放射性指标超标');
    expect(await banners.nth(1).textContent()).toContain(`${producer.name}已列入质量失信黑名单`);
    expect(await banners.nth(0).evaluate((el) => el.classList.contains('ant-alert-error'))).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await screenshot(page, 'public-query-recalled');
  });

  it.each([
    ['recalls', '/api/v1/public/recalls'],
    ['consumer-alerts', '/api/v1/public/consumer-alerts'],
    ['blacklist', '/api/v1/public/blacklist'],
  ])('opens the public %s list with one card per item the API lists, or an empty state', async (name, api) => {
    const { items } = await (await fetch(`${web.server.baseUrl}${api}`)).json() as { items: unknown[] };
    const page = await phone();
    await page.goto(`/${name}`);
    if (items.length === 0) {
      await page.getByTestId('public-list-empty').waitFor();
      expect(await page.getByTestId('public-list-empty').textContent()).toContain('暂无');
    } else {
      await page.getByTestId('public-list-item').first().waitFor();
      expect(await page.getByTestId('public-list-item').count()).toBe(items.length);
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await screenshot(page, `public-${name}`);
  });

  it('tells a wrong password apart and takes a demo login to the workspace', async () => {
    const page = await phone();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('yelin-clerk');
    await page.getByTestId('login-password').fill(`${web.server.password}-wrong`);
    await page.getByTestId('login-submit').click();
    expect(await page.getByTestId('login-failure').textContent()).toContain('用户名或密码不正确');
    await screenshot(page, 'public-login-failed');

    await page.getByTestId('login-password').fill(web.server.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname.startsWith('/app'));
  });
});
