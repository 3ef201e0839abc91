import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createCodeIssuer } from '../../src/capture/issue-codes.js';
import { createCodeStore } from '../../src/store/code-store.js';
import { createDb, migrateToLatest } from '../../src/store/db.js';

const BIN = new URL('../../bin/zhuisu.js', import.meta.url).pathname;

describe('zhuisu labels (sqlite)', () => {
  let dir: string;
  let env: Record<string, string>;
  let codes: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(inject('scratchDir'), 'cli-labels-'));
    env = { ZHUISU_DATA_DIR: dir, ZHUISU_PUBLIC_URL: 'https://trace.example.cn', LOG_LEVEL: 'warn' };
    const db = createDb({ dataDir: dir });
    await migrateToLatest(db);
    const issuer = createCodeIssuer({ codes: createCodeStore(db), nodeCode: '460100', randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)), now: () => new Date(), newIssueId: () => 'issue-cli' });
    codes = (await issuer.issue({ count: 5, product: '海南芒果' })).codes.map((c) => c.code);
    await db.destroy();
  });

  const zhuisu = (args: string[]) => spawnSync(process.execPath, [BIN, 'labels', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

  it('writes the label sheets of an issue to a PDF named after it', () => {
    const run = zhuisu(['issue-cli']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('5 labels written to zhuisu-labels-issue-cli.pdf\n');
    expect(readFileSync(join(dir, 'zhuisu-labels-issue-cli.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes the label printer CSV to the file given with --out', () => {
    const out = join(dir, 'printer.csv');
    expect(zhuisu(['issue-cli', '--csv', '--out', out]).status).toBe(0);
    const rows = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(codes);
    expect(rows[1]).toContain(`https://trace.example.cn/t/${codes[0]}`);
  });

  it('prints part of an issue to standard output with --out -', () => {
    const run = zhuisu(['issue-cli', '--csv', '--from', '2', '--count', '2', '--out', '-']);
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\r\n').slice(1).map((row) => row.split(',')[0])).toEqual(codes.slice(1, 3));
  });

  it('says what went wrong for an unknown issue and for a missing one', () => {
    const unknown = zhuisu(['no-such-issue']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('no trace codes were issued under issue id no-such-issue\n');
    const missing = zhuisu([]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('usage: zhuisu labels ISSUE_ID');
  });
});
