import { SEES_ALL } from '../src/domain/access/sight.js';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createCodeIssuer } from '../src/capture/issue-codes.js';
import { createIssueLabels } from '../src/labels/issue-labels.js';
import { createCodeStore } from '../src/store/code-store.js';
import { createDb, migrateToLatest } from '../src/store/db.js';
import { removeDb } from './capture-bench.js';

export interface CodesFigures {
  codes: number;
  /** One issue of `codes` codes through createCodeIssuer, stored, on a fresh SQLite database. */
  issueSeconds: number;
  labels: number;
  /** The PDF the label route serves for the first `labels` codes of that issue: first request, then once more. */
  pdfSeconds: { first: number; again: number };
  pdfBytes: number;
}

const PRODUCT = '海南贵妃芒 一级果 5 kg 装 Hainan mango, grade 1, 5 kg box';

/** Issuing a large batch of trace codes, and printing the label sheets for part of it. */
export async function benchCodes(opts: { codes: number; labels: number; dir: string }): Promise<CodesFigures> {
  const file = join(opts.dir, 'codes.db');
  const remove = () => removeDb(file);
  remove();
  const db = createDb({ sqliteFile: file });
  try {
    await migrateToLatest(db);
    const codes = createCodeStore(db);
    const issuer = createCodeIssuer({ codes, nodeCode: '460100', randomBytes, now: () => new Date() });
    let started = performance.now();
    const { issueId } = await issuer.issue({ count: opts.codes, product: PRODUCT, lot: 'urn:epc:class:lgtin:6901234.012345.M2026-11' });
    const issueSeconds = (performance.now() - started) / 1000;

    const labels = createIssueLabels({ codes, publicBaseUrl: 'https://trace.example.cn' });
    const pdfSeconds = { first: 0, again: 0 };
    let pdfBytes = 0;
    for (const run of ['first', 'again'] as const) {
      started = performance.now();
      const pdf = await labels.pdf(issueId, { from: 1, count: opts.labels }, SEES_ALL);
      pdfSeconds[run] = (performance.now() - started) / 1000;
      pdfBytes = pdf.body.length;
    }
    return { codes: opts.codes, issueSeconds, labels: opts.labels, pdfSeconds, pdfBytes };
  } finally {
    await db.destroy();
    remove();
  }
}
