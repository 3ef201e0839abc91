import { describe, expect, it } from 'vitest';
import { computeTraceCodeCheck } from '../../src/domain/ids/trace-code.js';
import { renderLabelCsv } from '../../src/labels/label-csv.js';
import type { IssuedCode } from '../../src/store/code-store.js';

const CODE = `4601007JKN37GBTHHFG${computeTraceCodeCheck('4601007JKN37GBTHHFG')}`;
const CODE_2 = `4601001CR5AYMZRKMGW${computeTraceCodeCheck('4601001CR5AYMZRKMGW')}`;
const issued = (extra: Partial<IssuedCode> = {}): IssuedCode => ({
  code: CODE, unitId: `urn:zhuisu:code:${CODE}`, issueId: 'issue-1', issuedAt: '2026-11-23T10:00:00.000Z', ...extra,
});
const opts = { publicBaseUrl: 'https://trace.example.cn' };
const HEADER = '追溯码 Code,显示码 Display code,二维码内容 QR content,产品 Product,批次 Lot,赋码批次号 Issue ID,赋码时间 Issued at';

describe('renderLabelCsv', () => {
  it('starts with a UTF-8 byte order mark so that Excel reads the Chinese text', async () => {
    const csv = await renderLabelCsv([issued()], opts);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes a header in Chinese and English and one CRLF row per code', async () => {
    const lotId = 'urn:epc:class:lgtin:4012345.012345.L9';
    const csv = await renderLabelCsv([issued({ product: '海南芒果', lotId }), issued({ code: CODE_2, product: '海南芒果', lotId })], opts);
    expect(csv).toBe(`\uFEFF${HEADER}\r\n`
      + `${CODE},460100-7JKN-37GB-THH-FG${CODE.at(-1)},https://trace.example.cn/t/${CODE},海南芒果,${lotId},issue-1,2026-11-23T10:00:00.000Z\r\n`
      + `${CODE_2},460100-1CR5-AYMZ-RKM-GW${CODE_2.at(-1)},https://trace.example.cn/t/${CODE_2},海南芒果,${lotId},issue-1,2026-11-23T10:00:00.000Z\r\n`);
  });

  it('leaves the product and lot empty when the issue has none', async () => {
    const csv = await renderLabelCsv([issued()], opts);
    expect(csv.split('\r\n')[1]).toBe(`${CODE},460100-7JKN-37GB-THH-FG${CODE.at(-1)},https://trace.example.cn/t/${CODE},,,issue-1,2026-11-23T10:00:00.000Z`);
  });

  it('quotes a product name with a comma and quotes, doubling the quotes', async () => {
    const csv = await renderLabelCsv([issued({ product: '芒果, "特级" 5 kg' })], opts);
    expect(csv.split('\r\n')[1]).toContain(',"芒果, ""特级"" 5 kg",');
  });

  it('keeps a spreadsheet from running a product name as a formula', async () => {
    const csv = await renderLabelCsv([issued({ product: '=HYPERLINK("http://x")' })], opts);
    expect(csv.split('\r\n')[1]).toContain(`,"'=HYPERLINK(""http://x"")",`);
  });

  it('writes only the header for no codes', async () => {
    expect(await renderLabelCsv([], opts)).toBe(`\uFEFF${HEADER}\r\n`);
  });
});
