import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { SEES_ALL } from '../domain/access/sight.js';
import { createIssueLabels } from '../labels/issue-labels.js';
import { createCodeStore } from '../store/code-store.js';
import { withLedger } from './open-ledger.js';

const USAGE = 'usage: zhuisu labels ISSUE_ID [--csv] [--from N] [--count N] [--out FILE|-]\n';

/** `zhuisu labels ISSUE_ID [--csv] [--from N] [--count N] [--out FILE|-]`: label sheets (PDF) or printer data (CSV). */
export async function runLabels(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { csv: { type: 'boolean' }, from: { type: 'string' }, count: { type: 'string' }, out: { type: 'string' } },
  });
  const [issueId] = positionals;
  if (!issueId) {
    process.stderr.write(USAGE);
    return 2;
  }
  const range = { ...(values.from ? { from: Number(values.from) } : {}), ...(values.count ? { count: Number(values.count) } : {}) };
  return withLedger(config, async (db) => {
    const labels = createIssueLabels({ codes: createCodeStore(db), publicBaseUrl: config.publicBaseUrl });
    const file = values.csv ? await labels.csv(issueId, range, SEES_ALL) : await labels.pdf(issueId, range, SEES_ALL);
    const out = values.out ?? file.fileName;
    const body = Buffer.isBuffer(file.body) ? Readable.from([file.body]) : file.body;
    await pipeline(body, out === '-' ? process.stdout : createWriteStream(out));
    if (out !== '-') process.stdout.write(`${file.count} labels written to ${out}\n`);
    return 0;
  }, (err) => err.message);
}
