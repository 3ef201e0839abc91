import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { desktopContext, launchBrowser, screenshot, startDemoServer, type DemoServer } from '../support/browser.js';

const YELIN = '91460100MA5RD0A1X7';
const AMOXICILLIN = `${YELIN}/AMX-250`;
// The demo's amoxicillin lot, made, shipped and received: three events the maker may see.
const DEMO_LOT = `urn:zhuisu:lot:${YELIN}:AMX-250:20260301`;

interface TraceAnswer {
  events: Array<{ eventId: string; bizStep?: string }>;
  nodes: Array<{ id: string }>;
}

describe('enterprise workspace in the browser', { timeout: 60_000 }, () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  /** Signs in through the login page, as a person does, and lands in the workspace. */
  async function signIn(username: string): Promise<Page> {
    context = await desktopContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(server.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/app/overview');
    return page;
  }

  /** Opens an antd select by the id of its input and picks the option with this exact label. */
  async function choose(page: Page, inputId: string, label: string): Promise<void> {
    // A select whose options are still loading is disabled; the click waits until it is not.
    const select = page.locator(`.ant-select:not(.ant-select-disabled):has(#${inputId})`);
    const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
    // Options that arrive while the list is open may not show in it: open it again until the option is there.
    for (let attempt = 0; attempt < 5 && !(await option.isVisible()); attempt += 1) {
      await select.click();
      await option.waitFor({ timeout: 3000 }).catch(() => page.keyboard.press('Escape'));
    }
    await option.click();
  }

  // Tab, not Enter, leaves the picker: Enter in a form field submits the form, as in any HTML form.
  async function typeDate(page: Page, inputId: string, value: string): Promise<void> {
    await page.locator(`#${inputId}`).click();
    await page.locator(`#${inputId}`).fill(value);
    await page.locator(`#${inputId}`).press('Tab');
  }

  /** Opens the drug maker's production stage and fills every field but those named in `skip`. */
  async function fillProduction(page: Page, lot: string, skip: string[] = []): Promise<void> {
    await page.goto('/app/record');
    await choose(page, 'pick-stage', '生产');
    await page.locator('#stage_lot').waitFor();
    await choose(page, 'stage_product', '阿莫西林胶囊 0.25g×24粒 Amoxicillin capsules 0.25 g × 24（AMX-250）');
    await page.locator('#stage_lot').fill(lot);
    await page.locator('#stage_quantity').fill('240');
    await page.locator('#stage_unit').fill('盒');
    if (!skip.includes('approvalNumber')) await page.locator('#stage_data_approvalNumber').fill('国药准字H20230001');
    await page.locator('#stage_data_batchNumber').fill(lot);
    await typeDate(page, 'stage_data_productionDate', '2026-04-01');
    await typeDate(page, 'stage_data_expiryDate', '2028-03-31');
    await page.locator('#stage_data_specification').fill('0.25g×24粒');
  }

  it('lets an enterprise operator sign in with the printed demo password and record a stage through the generated form', async () => {
    const page = await signIn('yelin-clerk');
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe('椰林制药 录入员');
    await screenshot(page, 'workspace-overview');

    await fillProduction(page, 'WEB260401');
    await screenshot(page, 'workspace-record');
    await page.getByRole('button', { name: '提交记录' }).click();
    const recordId = await page.getByTestId('record-id').textContent();
    expect(recordId).toMatch(/^[0-9a-f]{32}$/);
    await screenshot(page, 'workspace-record-stored');

    const record = await page.request.get(`/api/v1/records/${recordId}`);
    expect(record.status()).toBe(200);
    const stored = (await record.json()) as Record<string, unknown>;
    expect(stored).toMatchObject({ sector: 'drug', stage: 'production', party: YELIN, productId: AMOXICILLIN, quantity: 240, uom: 'H87' });
    expect(String(stored.eventTime)).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const event = await page.request.get(`/epcis/v2/events/${encodeURIComponent(String(stored.eventId))}`);
    expect(event.status()).toBe(200);
    const body = (await event.json()) as { eventTimeZoneOffset: string; quantityList: unknown[]; ilmd: Record<string, unknown> };
    expect(body.eventTimeZoneOffset).toBe('+08:00');
    expect(body.quantityList).toEqual([{ epcClass: `urn:zhuisu:lot:${YELIN}:AMX-250:WEB260401`, quantity: 240, uom: 'H87' }]);
    expect(body.ilmd).toEqual({
      'zhuisu:approvalNumber': '国药准字H20230001',
      'zhuisu:batchNumber': 'WEB260401',
      'zhuisu:productionDate': '2026-04-01',
      'zhuisu:expiryDate': '2028-03-31',
      'zhuisu:specification': '0.25g×24粒',
    });

    await page.getByRole('link', { name: '追溯此批次' }).click();
    await page.waitForURL(`**/app/trace?id=${encodeURIComponent(`urn:zhuisu:lot:${YELIN}:AMX-250:WEB260401`)}`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(1);
  });

  it('shows the error of a required element left empty and stores nothing', async () => {
    const page = await signIn('yelin-clerk');
    const posted: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/records') posted.push(r.url()); });
    await fillProduction(page, 'WEB260402', ['approvalNumber']);
    await page.getByRole('button', { name: '提交记录' }).click();

    const item = page.locator('.ant-form-item', { has: page.locator('#stage_data_approvalNumber') });
    await expect(item.locator('.ant-form-item-explain-error').textContent()).resolves.toBe('请填写“药品批准文号”');
    await screenshot(page, 'workspace-record-missing');
    expect(posted).toEqual([]);
    const trace = await page.request.get(`/api/v1/trace/${encodeURIComponent(`urn:zhuisu:lot:${YELIN}:AMX-250:WEB260402`)}`);
    expect(trace.status()).toBe(404);
  });

  it('lets the operator issue trace codes and download their label sheets as a PDF of one page per 24 codes', async () => {
    const page = await signIn('yelin-clerk');
    await page.goto('/app/codes');
    await page.locator('#codes_count').fill('30');
    await choose(page, 'codes_product', '阿莫西林胶囊 0.25g×24粒 Amoxicillin capsules 0.25 g × 24');
    await page.getByRole('button', { name: '申领追溯码' }).click();
    const issued = page.getByTestId('issued');
    await issued.waitFor();
    await expect(issued.textContent()).resolves.toContain('已申领 30 个追溯码');
    await screenshot(page, 'workspace-codes');

    const [pdf] = await Promise.all([page.waitForEvent('download'), issued.getByRole('button', { name: '标签 PDF' }).click()]);
    const bytes = await readFile(await pdf.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // 3 × 8 labels a sheet: 30 codes fill one sheet and start a second.
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(2);

    const [csv] = await Promise.all([page.waitForEvent('download'), issued.getByRole('button', { name: '打印数据 CSV' }).click()]);
    const lines = (await readFile(await csv.path(), 'utf8')).split(/\r?\n/).filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(31);
  });

  it('lets the operator trace a lot and shows its graph and every event the trace answers', async () => {
    const page = await signIn('yelin-clerk');
    await page.goto('/app/trace');
    await page.locator('#trace-id').fill(DEMO_LOT);
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/trace/') && r.request().resourceType() === 'fetch');
    await page.locator('#trace-id').press('Enter');
    const trace = (await (await answer).json()) as TraceAnswer;
    expect(trace.events.length).toBeGreaterThan(0);

    await page.locator('canvas').first().waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(trace.events.length);
    await expect(page.getByTestId('event-count').textContent()).resolves.toBe(`事件（${trace.events.length}）`);
    const steps = await rows.locator('td:nth-child(2)').allTextContents();
    expect(steps).toEqual(trace.events.map((e) => e.bizStep ?? '—'));
    await screenshot(page, 'workspace-trace');
  });
});
