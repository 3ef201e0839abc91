import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { formatTraceCode } from '../domain/ids/trace-code.js';
import { qrRunsOfUrl } from './qr-runs.js';
import { traceQueryUrlBase } from './query-url.js';

/** What one label shows besides its QR code. */
export interface LabelContent {
  code: string;
  product?: string;
  lot?: string;
}

/** Where the labels sit on a sheet, in millimetres. */
export interface LabelLayout {
  pageWidth: number;
  pageHeight: number;
  columns: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  /** From the page's left and top edges to the first label. */
  left: number;
  top: number;
  columnGap: number;
  rowGap: number;
  /** Blank border inside each label, which printers need for the die-cut edge. */
  padding: number;
}

/** A4 with 3 × 8 labels of 70 × 37 mm (24 per sheet), a common label stock in China; 0.5 mm blank above and below. */
export const A4_24_LABELS: LabelLayout = Object.freeze({
  pageWidth: 210,
  pageHeight: 297,
  columns: 3,
  rows: 8,
  labelWidth: 70,
  labelHeight: 37,
  left: 0,
  top: 0.5,
  columnGap: 0,
  rowGap: 0,
  padding: 2,
});

const PT_PER_MM = 72 / 25.4;
// ISO/IEC 18004 §6.3.8: four light modules around the symbol, kept inside the label whatever its neighbours print.
const QUIET_ZONE = 4;
const FONT = 'NotoSansHans';
const PRODUCT_SIZE = 8;
const PRODUCT_LINES = 3;
const LOT_SIZE = 6;
const CODE_MAX_SIZE = 11;

/** Noto Sans Hans Regular (SIL OFL 1.1) from @embedpdf/fonts-sc; the package exports no path, so go from its entry. */
function cjkFontFile(): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  return join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf');
}

/**
 * A PDF of label sheets: per label the QR code of the code's public query URL, the product, the lot and the code in
 * its grouped display form. The font is embedded as a subset of the glyphs used, so the file stays small.
 * @example await renderLabelPdf([{ code: '0000007JKN37GBTHHFG3', product: '海南芒果' }], { publicBaseUrl: 'https://trace.example.cn' })
 */
export async function renderLabelPdf(labels: readonly LabelContent[], opts: { publicBaseUrl: string; layout?: LabelLayout; title?: string }): Promise<Buffer> {
  const layout = opts.layout ?? A4_24_LABELS;
  const pageSize = [layout.pageWidth * PT_PER_MM, layout.pageHeight * PT_PER_MM];
  const doc = new PDFDocument({ size: pageSize, margin: 0, autoFirstPage: false, lang: 'zh-CN', info: { Title: opts.title ?? 'Zhuisu labels', Creator: 'Zhuisu' } });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, readFileSync(cjkFontFile()));
  doc.font(FONT);

  const base = traceQueryUrlBase(opts.publicBaseUrl);
  const displayed = labels.map((label) => codeLines(formatTraceCode(label.code)));
  const codeSize = codeFontSize(doc, displayed.flat(), layout);
  const perSheet = layout.columns * layout.rows;
  for (const [i, label] of labels.entries()) {
    const slot = i % perSheet;
    if (slot === 0) {
      // A sheet takes tens of milliseconds: let the server answer other requests between sheets.
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      doc.addPage({ size: pageSize, margin: 0 });
    }
    const column = slot % layout.columns;
    const row = Math.floor(slot / layout.columns);
    const x = (layout.left + column * (layout.labelWidth + layout.columnGap)) * PT_PER_MM;
    const y = (layout.top + row * (layout.labelHeight + layout.rowGap)) * PT_PER_MM;
    drawLabel(doc, { ...label, display: displayed[i] ?? [label.code] }, { x, y, layout, base, codeSize });
  }
  if (labels.length === 0) doc.addPage({ size: pageSize, margin: 0 });
  doc.end();
  return finished;
}

/** The display form in two lines, `460100-` and `7JKN-37GB-THH-FG3`, so that it can be printed large enough to type. */
function codeLines(display: string): string[] {
  const cut = display.indexOf('-') + 1;
  return cut > 0 ? [display.slice(0, cut), display.slice(cut)] : [display];
}

/** One size for every code on the sheet, the largest at which the widest line fits beside the QR code. */
function codeFontSize(doc: PDFKit.PDFDocument, displayed: readonly string[], layout: LabelLayout): number {
  doc.fontSize(1);
  const widest = displayed.reduce((max, text) => Math.max(max, doc.widthOfString(text)), 0);
  return widest > 0 ? Math.min(CODE_MAX_SIZE, textBox(layout).width / widest) : CODE_MAX_SIZE;
}

/** The part of a label right of the QR code, relative to the label's corner, in points. */
function textBox(layout: LabelLayout): { left: number; width: number; top: number; bottom: number } {
  const padding = layout.padding * PT_PER_MM;
  const left = layout.labelHeight * PT_PER_MM - padding;
  return { left, width: layout.labelWidth * PT_PER_MM - padding - left, top: padding, bottom: layout.labelHeight * PT_PER_MM - padding };
}

/** The text, or as much of its end as fits after an ellipsis: the end of a lot id (`….M2026-11`) is the lot number. */
function keepEnd(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let start = 1;
  while (start < text.length && doc.widthOfString(`…${text.slice(start)}`) > width) start++;
  return `…${text.slice(start)}`;
}

function drawLabel(
  doc: PDFKit.PDFDocument,
  label: LabelContent & { display: readonly string[] },
  at: { x: number; y: number; layout: LabelLayout; base: string; codeSize: number },
): void {
  const { x, y, layout } = at;
  const padding = layout.padding * PT_PER_MM;
  const side = layout.labelHeight * PT_PER_MM - 2 * padding;
  const qr = qrRunsOfUrl(at.base, label.code);
  const module = side / (qr.size + 2 * QUIET_ZONE);
  // In module units, so that each run is a short `x y w 1 re` and the page content compresses well; one fill for all.
  doc.save().translate(x + padding + QUIET_ZONE * module, y + padding + QUIET_ZONE * module).scale(module);
  const { runs } = qr;
  for (let i = 0; i + 2 < runs.length; i += 3) doc.rect(runs[i + 1] ?? 0, runs[i] ?? 0, runs[i + 2] ?? 0, 1);
  doc.fill('black').restore();

  const box = textBox(layout);
  const left = x + box.left;
  let top = y + box.top;
  if (label.product) {
    doc.fontSize(PRODUCT_SIZE);
    const height = PRODUCT_LINES * doc.currentLineHeight(true) + 0.5;
    doc.text(label.product, left, top, { width: box.width, height, ellipsis: true });
    top += height;
  }
  if (label.lot) {
    doc.fontSize(LOT_SIZE);
    doc.text(`批次 ${keepEnd(doc, label.lot, box.width - doc.widthOfString('批次 '))}`, left, top, { lineBreak: false });
  }
  doc.fontSize(at.codeSize);
  const lineHeight = doc.currentLineHeight();
  label.display.forEach((line, i) => {
    doc.text(line, left, y + box.bottom - (label.display.length - i) * lineHeight, { lineBreak: false });
  });
}
