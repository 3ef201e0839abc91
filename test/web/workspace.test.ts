import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useDemoBrowser } from '../support/browser.js';

const YELIN = '91460100MA5RD0A1X7';
const AMOXICILLIN = `${YELIN}/AMX-250`;
// The demo's amoxicillin lot, made, shipped and received: three events the maker may see.
const DEMO_LOT = `urn:zhuisu:lot:${YELIN}:AMX-250:20260301`;

const KANGDA = '91460100MA5RD0B2Y1';

interface TraceAnswer {
  events: Array<{ eventId: string; bizStep?: string }>;
  nodes: Array<{ id: string }>;
}

describe('enterprise workspace in the browser', { timeout: 60_000 }, () => {
  const web = useDemoBrowser();

  /** Signs in through the login page, as a person does, and lands in the workspace. */
  async function signIn(username: string): Promise<Page> {
    const context = await web.open('desktop');
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(web.server.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/app/overview');
    return page;
  }

  /** Opens an antd select by the id of its input and picks the option with this exact label. */
  async function choose(page: Page, inputId: string, label: string): Promise<void> {
    // A select whose options are still loading is disabled; the click waits until it is not.
    const select = page.locator(`.ant-select:not(.ant-select-disabled):has(#${inputId})`);
    const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
    // The chosen label shows in the select itself as its content's title (the list of options is rendered elsewhere).
    const chosen = page.locator(`.ant-select:has(#${inputId}) [title="${label}"]`);
    // Options that arrive while the list is open may not show in it, and a list that the form's re-render closes
    // while it slides open takes no click: open it again until the option is chosen.
    for (let attempt = 0; attempt < 5 && !(await chosen.isVisible()); attempt += 1) {
      if (!(await option.isVisible())) await select.click();
      await option.click({ timeout: 3000 }).catch(() => page.keyboard.press('Escape'));
    }
    await chosen.waitFor({ timeout: 3000 });
  }

  /** A second browser context signed in as the platform administrator, for what the demo has no enterprise login for. */
  async function asAdmin(): Promise<{ post: (path: string, data: unknown) => Promise<Record<string, unknown>>; close: () => Promise<void> }> {
    const admin = await web.open('desktop');
    const login = await admin.request.post('/api/v1/auth/login', { data: { username: 'admin', password: web.server.password } });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return {
      post: async (path, data) => {
        const answer = await admin.request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
        expect(answer.status()).toBe(201);
        return (await answer.json()) as Record<string, unknown>;
      },
      close: () => admin.close(),
    };
  }

  // Tab, not Enter, leaves the picker: Enter in a form field submits the form, as in any HTML form.
  async function typeDate(page: Page, inputId: string, value: string): Promise<void> {
    await page.locator(`#${inputId}`).click();
    await page.locator(`#${inputId}`).fill(value);
    await page.locator(`#${inputId}`).press('Tab');
  }

  /** Opens the drug maker's production stage and fills every field but those named in `leaveEmpty`. */
  async function fillProduction(page: Page, lot: string, leaveEmpty: string[] = []): Promise<void> {
    await page.goto('/app/record');
    await choose(page, 'pick-stage', '生产');
    await page.locator('#stage_lot').waitFor();
    await choose(page, 'stage_product', '阿莫西林胶囊 0.25g×24粒 Amoxicillin capsules 0.25 g × 24（AMX-250）');
    await page.locator('#stage_lot').fill(lot);
    await page.locator('#stage_quantity').fill('240');
    await page.locator('#stage_unit').fill('盒');
    if (!leaveEmpty.includes('approvalNumber')) await page.locator('#stage_data_approvalNumber').fill('国药准字H20230001');
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

  it('shows the product registration form to the enterprise administrator and not to the operator', async () => {
    const clerk = await signIn('yelin-clerk');
    await clerk.goto('/app/products');
    await clerk.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await expect(clerk.locator('#product_code').count()).resolves.toBe(0);
    await clerk.context().close();

    const page = await signIn('yelin-admin');
    await page.goto('/app/products');
    await page.locator('#product_code').fill('AMX-500');
    await page.locator('#product_name').fill('阿莫西林胶囊 0.5g×24粒');
    await choose(page, 'product_catalogueEntry', '药品制剂');
    await page.getByRole('button', { name: '登 记' }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'AMX-500' });
    await row.waitFor();
    await screenshot(page, 'workspace-products');
    const products = (await (await page.request.get(`/api/v1/products?party=${YELIN}`)).json()) as Array<{ productId: string; name: string; catalogueEntry: string }>;
    expect(products.find((p) => p.productId === `${YELIN}/AMX-500`)).toMatchObject({ name: '阿莫西林胶囊 0.5g×24粒', catalogueEntry: 'drug.preparation' });
  });

  it('lists every bad row and column of an import and stores none of its rows', async () => {
    const page = await signIn('yelin-clerk');
    await page.goto('/app/import');
    await choose(page, 'pick-stage', '生产');
    const header = await (await page.request.get('/api/v1/sectors/drug/stages/production/template.csv')).text();
    const row = (lot: string, approval: string) => [YELIN, 'AMX-250', lot, '', '100', '盒', '', '', '', '2026-04-02T09:00:00+08:00', '', approval, lot, '2026-04-01', '2028-03-31', '', ''].join(',');
    const csv = [header.trim(), row('IMP0401', '国药准字H20230001'), row('IMP0402', ''), row('IMP0403', 'H123')].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'production.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/records/import'));
    await page.getByRole('button', { name: '导 入' }).click();
    const problem = (await (await answer).json()) as { status: number; errors: Array<{ row: number; column: string }> };
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => e.row)).toEqual([3, 4]);

    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    await expect(rows.locator('td:nth-child(1)').allTextContents()).resolves.toEqual(['3', '4']);
    await expect(rows.locator('td:nth-child(2)').allTextContents()).resolves.toEqual(problem.errors.map((e) => e.column));
    await screenshot(page, 'workspace-import');
    const stored = await page.request.get(`/api/v1/trace/${encodeURIComponent(`urn:zhuisu:lot:${YELIN}:AMX-250:IMP0401`)}`);
    expect(stored.status()).toBe(404);
  });

  it('confirms an incoming shipment by recording the receiving stage prefilled with its lot and sender', async () => {
    const admin = await asAdmin();
    // The distributor sends part of the lot back to the maker: a shipment the maker has to receive.
    await admin.post('/api/v1/records', {
      sector: 'drug', stage: 'distribution', party: KANGDA, counterpart: YELIN, time: '2026-03-06T09:00:00+08:00',
      lot: DEMO_LOT, quantity: 2, unit: '盒', data: { invoiceNumber: 'RET-2603' },
    });
    await admin.close();

    const page = await signIn('yelin-clerk');
    await page.goto('/app/incoming');
    const shipment = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '海南康达医药有限公司' });
    await shipment.getByRole('button', { name: '确认收货' }).click();
    await expect(page.locator('#stage_lot').inputValue()).resolves.toBe(DEMO_LOT);
    await expect(page.locator('#stage_counterpart').inputValue()).resolves.toBe(KANGDA);
    await page.locator('#stage_data_invoiceNumber').fill('RET-2603');
    await choose(page, 'stage_data_acceptanceResult', '合格');
    await screenshot(page, 'workspace-incoming');
    await page.getByRole('button', { name: '提交记录' }).click();
    const recordId = await page.getByTestId('record-id').textContent();

    const record = (await (await page.request.get(`/api/v1/records/${recordId}`)).json()) as Record<string, unknown>;
    expect(record).toMatchObject({ sector: 'drug', stage: 'receipt', party: YELIN, counterpart: KANGDA, quantity: 2, uom: 'H87' });
    const incoming = (await (await page.request.get('/api/v1/shipments/incoming')).json()) as { items: Array<{ from: { uscc: string }; received: boolean }> };
    expect(incoming.items.filter((i) => i.from.uscc === KANGDA).map((i) => i.received)).toEqual([true]);
  });
});
