import type { Readable } from 'node:stream';
import type { Sight } from '../domain/access/sight.js';
import { DomainError } from '../domain/errors.js';
import type { CodeStore, IssuedCode } from '../store/code-store.js';
import { labelCsvStream } from './label-csv.js';
import { renderLabelPdf, type LabelLayout } from './label-pdf.js';

/** Labels in one PDF: 10,000 labels are 417 A4 sheets, about 3.5 MB and 7 s of rendering; print more in parts. */
export const MAX_LABELS_PER_PDF = 10_000;
// Codes read per query while a CSV streams: each query of a large issue sorts it, so fewer and larger pages.
const CSV_PAGE = 100_000;

/** Which labels of an issue to print: `count` labels from the `from`-th code (counting from 1) on; all by default. */
export interface LabelRange {
  from?: number;
  count?: number;
}

/** Labels of an issue: one range, ready to print. */
export interface LabelFile<T> {
  /** File name to save under: `zhuisu-labels-<issue id>[-<first>-<last>].<ext>`. */
  fileName: string;
  /** How many labels. */
  count: number;
  body: T;
}

/** Label sheets (PDF) and label-printer data (CSV) for the codes of one issue, in the order the store lists them. */
export function createIssueLabels(deps: { codes: CodeStore; publicBaseUrl: string; layout?: LabelLayout }) {
  /** The issue and which of its codes a range names; refuses an unknown issue and a range outside it or over `max`. */
  async function selectLabels(issueId: string, range: LabelRange, max: number, sight: Sight) {
    const from = range.from ?? 1;
    wholeFromOne('from', from);
    if (range.count !== undefined) wholeFromOne('count', range.count);
    const issue = await deps.codes.findIssue(issueId, sight);
    if (!issue) throw new DomainError('code_not_found', `no trace codes were issued under issue id ${issueId}`, { issueId });
    if (from > issue.count) {
      throw new DomainError('invalid_request', `from is ${from}, but issue ${issueId} has ${issue.count} codes`, { field: 'from' });
    }
    const left = issue.count - from + 1;
    if ((range.count ?? left) > max) {
      const asked = range.count === undefined ? `all ${left} labels from label ${from}` : `${range.count} labels`;
      throw new DomainError('invalid_request', `count: ${asked} asked for, at most ${max} fit in one file; print the issue in parts with from and count`, { field: 'count' });
    }
    const count = Math.min(range.count ?? left, left);
    const whole = from === 1 && count === issue.count;
    return { issue, from, count, name: `zhuisu-labels-${fileSafe(issueId)}${whole ? '' : `-${from}-${from + count - 1}`}` };
  }

  return {
    /** A PDF of label sheets for up to MAX_LABELS_PER_PDF codes of an issue. */
    async pdf(issueId: string, range: LabelRange, sight: Sight): Promise<LabelFile<Buffer>> {
      const { issue, from, count, name } = await selectLabels(issueId, range, MAX_LABELS_PER_PDF, sight);
      const codes = await deps.codes.listByIssue(issueId, { offset: from - 1, limit: count });
      const body = await renderLabelPdf(codes.map(toLabel), {
        publicBaseUrl: deps.publicBaseUrl,
        title: `${issue.product ?? '追溯码'} ${from}–${from + count - 1} / ${issue.count}`,
        ...(deps.layout ? { layout: deps.layout } : {}),
      });
      return { fileName: `${name}.pdf`, count, body };
    },

    /** A CSV of any part of an issue, the whole issue by default, streamed a page of codes at a time. */
    async csv(issueId: string, range: LabelRange, sight: Sight): Promise<LabelFile<Readable>> {
      const { from, count, name } = await selectLabels(issueId, range, Number.MAX_SAFE_INTEGER, sight);
      return { fileName: `${name}.csv`, count, body: labelCsvStream(pagesOf(deps.codes, issueId, from, count), { publicBaseUrl: deps.publicBaseUrl }) };
    },
  };
}

export type IssueLabels = ReturnType<typeof createIssueLabels>;

function toLabel(code: IssuedCode) {
  return { code: code.code, ...(code.product ? { product: code.product } : {}), ...(code.lotId ? { lot: code.lotId } : {}) };
}

/** `count` codes of an issue from the `from`-th on, a page at a time; each page continues after the last code read. */
async function* pagesOf(codes: CodeStore, issueId: string, from: number, count: number): AsyncGenerator<IssuedCode[]> {
  let page = await codes.listByIssue(issueId, { offset: from - 1, limit: Math.min(CSV_PAGE, count) });
  for (let left = count; page.length > 0; ) {
    yield page;
    left -= page.length;
    const last = page.at(-1);
    if (left <= 0 || !last) return;
    page = await codes.listByIssue(issueId, { after: last.code, limit: Math.min(CSV_PAGE, left) });
  }
}

function wholeFromOne(field: 'from' | 'count', value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new DomainError('invalid_request', `${field} must be a whole number from 1`, { field });
}

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_');
}
