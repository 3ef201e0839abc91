import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { computeTraceCodeCheck } from '../../src/domain/ids/trace-code.js';
import { A4_24_LABELS, renderLabelPdf } from '../../src/labels/label-pdf.js';
import { darkRuns, qrRunsOfUrl } from '../../src/labels/qr-runs.js';

const BASE = 'https://trace.example.cn';
const CODES = ['4601007JKN37GBTHHFG', '4601001CR5AYMZRKMGW', '4601000000000000000'].map((body) => body + computeTraceCodeCheck(body));
const PRODUCT = '海南芒果 Hainan mango';

/** The streams of a PDF, inflated where they are Flate-compressed. */
function streamsOf(pdf: Buffer): { dict: string; body: string }[] {
  const text = pdf.toString('latin1');
  const streams: { dict: string; body: string }[] = [];
  for (const match of text.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(match[1] ?? '')?.[1]);
    const start = (match.index ?? 0) + match[0].length;
    const raw = pdf.subarray(start, start + length);
    streams.push({ dict: match[1] ?? '', body: (/FlateDecode/.test(match[1] ?? '') ? inflateSync(raw) : raw).toString('latin1') });
  }
  return streams;
}

/** The module square drawn by the first `re … f` block of a page: each `x y w 1 re` darkens w modules of row y. */
function firstDrawnSymbol(content: string, size: number): number[] {
  const block = content.slice(0, content.indexOf('\nf\n'));
  const modules = new Array<number>(size * size).fill(0);
  for (const [, x, y, w] of block.matchAll(/(\d+) (\d+) (\d+) 1 re/g)) {
    for (let i = 0; i < Number(w); i++) modules[Number(y) * size + Number(x) + i] = 1;
  }
  return modules;
}

describe('darkRuns', () => {
  it('turns each row\'s dark modules into runs of row, column and length', () => {
    expect([...darkRuns({ size: 3, data: [1, 1, 0, 0, 0, 0, 1, 0, 1] }).runs]).toEqual([0, 0, 2, 2, 0, 1, 2, 2, 1]);
    expect([...darkRuns({ size: 2, data: [0, 0, 0, 0] }).runs]).toEqual([]);
    expect([...darkRuns({ size: 2, data: [1, 1, 1, 1] }).runs]).toEqual([0, 0, 2, 1, 0, 2]);
  });

  it('covers exactly the dark modules of the QR symbol qrcode makes for a code\'s URL', () => {
    const symbol = QRCode.create([{ data: Buffer.from(`${BASE}/t/`), mode: 'byte' }, { data: CODES[0] ?? '', mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
    const { size, runs } = qrRunsOfUrl(`${BASE}/t/`, CODES[0] ?? '');
    expect(size).toBe(symbol.modules.size);
    const drawn = new Array<number>(size * size).fill(0);
    for (let i = 0; i < runs.length; i += 3) {
      for (let k = 0; k < (runs[i + 2] ?? 0); k++) drawn[(runs[i] ?? 0) * size + (runs[i + 1] ?? 0) + k] = 1;
    }
    expect(drawn).toEqual([...symbol.modules.data]);
  });

  it('encodes the whole public URL, the code part in alphanumeric mode, at error correction level M', () => {
    const symbol = QRCode.create([{ data: Buffer.from(`${BASE}/t/`), mode: 'byte' }, { data: CODES[0] ?? '', mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
    const text = symbol.segments.map((s) => (typeof s.data === 'string' ? s.data : Buffer.from(s.data).toString('utf8'))).join('');
    expect(text).toBe(`${BASE}/t/${CODES[0]}`);
    expect(symbol.segments.map((s) => s.mode.id)).toEqual(['Byte', 'Alphanumeric']);
    expect(symbol.errorCorrectionLevel.bit).toBe(0); // M
  });
});

describe('renderLabelPdf', () => {
  it('produces an A4 PDF with one sheet per 24 labels', async () => {
    const labels = Array.from({ length: 25 }, (_, i) => ({ code: CODES[i % 3] ?? '', product: PRODUCT }));
    const pdf = await renderLabelPdf(labels, { publicBaseUrl: BASE });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(text).toContain('/MediaBox [0 0 595.275591 841.889764]');
    expect(A4_24_LABELS.columns * A4_24_LABELS.rows).toBe(24);
  });

  it('embeds a subset of Noto Sans Hans whose ToUnicode map holds the Chinese product name, the code and the lot', async () => {
    const pdf = await renderLabelPdf([{ code: CODES[0] ?? '', product: PRODUCT, lot: 'L9' }], { publicBaseUrl: BASE });
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(text).toContain('/FontFile3');
    const toUnicode = streamsOf(pdf).find((s) => s.body.includes('begincmap'))?.body ?? '';
    const mapped = new Set([...toUnicode.matchAll(/<([0-9a-f]{4})>/g)].map((m) => String.fromCharCode(parseInt(m[1] ?? '0', 16))));
    for (const ch of `海南芒果Hainango批次L9${CODES[0]}-`) expect(mapped, ch).toContain(ch);
    // A subset: the whole font is 8 MB.
    expect(pdf.length).toBeLessThan(100_000);
  });

  it('keeps the end of a lot id too long for the label, which holds the lot number', async () => {
    const pdf = await renderLabelPdf([{ code: CODES[0] ?? '', product: PRODUCT, lot: 'urn:epc:class:lgtin:6901234.012345.M2026-11' }], { publicBaseUrl: BASE });
    const toUnicode = streamsOf(pdf).find((s) => s.body.includes('begincmap'))?.body ?? '';
    const mapped = new Set([...toUnicode.matchAll(/<([0-9a-f]{4})>/g)].map((m) => String.fromCharCode(parseInt(m[1] ?? '0', 16))));
    for (const ch of '…M.') expect(mapped, ch).toContain(ch);
    for (const ch of 'uplt') expect(mapped, ch).not.toContain(ch);
  });

  it('draws each label\'s QR symbol module for module as qrcode makes it', async () => {
    const pdf = await renderLabelPdf([{ code: CODES[1] ?? '', product: PRODUCT }], { publicBaseUrl: BASE });
    const content = streamsOf(pdf).find((s) => / re\n/.test(s.body))?.body ?? '';
    const expected = QRCode.create([{ data: Buffer.from(`${BASE}/t/`), mode: 'byte' }, { data: CODES[1] ?? '', mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' }).modules;
    expect(firstDrawnSymbol(content, expected.size)).toEqual([...expected.data]);
  });

  it('keeps 1,000 labels to a few hundred KB', async () => {
    const labels = Array.from({ length: 1000 }, (_, i) => ({ code: CODES[i % 3] ?? '', product: `${PRODUCT} ${i}`, lot: 'urn:epc:class:lgtin:4012345.012345.L9' }));
    const pdf = await renderLabelPdf(labels, { publicBaseUrl: BASE });
    expect(pdf.length).toBeLessThan(600_000);
  });
});
