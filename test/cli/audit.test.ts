import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../src/store/db.js';
import { commission, documentOf, lot, q } from '../support/chain.js';

const BIN = new URL('../../bin/zhuisu.js', import.meta.url).pathname;

describe('zhuisu audit (sqlite)', () => {
  let dir: string;
  let env: Record<string, string>;
  const zhuisu = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

  beforeAll(() => {
    dir = mkdtempSync(join(inject('scratchDir'), 'audit-cli-'));
    env = { ZHUISU_DATA_DIR: join(dir, 'data'), ZHUISU_NODE_CODE: '460100', DATABASE_URL: '' };
    writeFileSync(join(dir, 'doc.json'), JSON.stringify(documentOf([commission(0, [q(lot('A'), 5)]), commission(1, [q(lot('B'), 2)])])));
    expect(zhuisu('import', join(dir, 'doc.json')).status).toBe(0);
  });

  it('verifies an intact log, naming its head', () => {
    const verified = zhuisu('audit', 'verify');
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/^审计链完整 \/ the audit log is intact: 1 entries, 2 events, 0 error declarations\nhead 链头: seq 1, sm3 [0-9a-f]{64}\n$/);
  });

  it('exports the head signed with a new SM2 key, which a third party checks against the trusted public key and the live chain', () => {
    const keys = join(dir, 'keys');
    expect(zhuisu('audit', 'keygen', '--algorithm', 'sm2', '--out', keys).status).toBe(0);
    const file = join(dir, 'head.json');
    const exported = zhuisu('audit', 'head', '--sign', join(keys, 'audit-key.pem'), '--out', file);
    expect(exported.stdout).toBe(`head seq 1 written to ${file}, signed\n`);
    const head = JSON.parse(readFileSync(file, 'utf8'));
    expect(head).toMatchObject({ seq: 1, algorithm: 'sm3', nodeCode: '460100', signature: { algorithm: 'sm2', publicKey: readFileSync(join(keys, 'audit-key.pub.pem'), 'utf8') } });

    const checked = zhuisu('audit', 'check-head', file, '--public-key', join(keys, 'audit-key.pub.pem'));
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain(`签名有效 / the signature holds (sm2, with the trusted key): node 460100, seq 1, sm3 ${head.hash}\n本库审计链包含此链头 / the live chain holds this head\n审计链完整`);

    writeFileSync(join(dir, 'forged.json'), JSON.stringify({ ...head, seq: 2 }));
    const forged = zhuisu('audit', 'check-head', join(dir, 'forged.json'));
    expect(forged.status).toBe(1);
    expect(forged.stdout).toBe('签名无效 / the signature does not hold: 签名与链头内容不符 / the signature does not match the head\n');

    expect(zhuisu('audit', 'keygen', '--algorithm', 'ed25519', '--out', join(dir, 'other')).status).toBe(0);
    const untrusted = zhuisu('audit', 'check-head', file, '--public-key', join(dir, 'other', 'audit-key.pub.pem'));
    expect(untrusted.status).toBe(1);
  }, 120_000);

  it('fails verification and the check of a signed head once the database is edited, and refuses to sign the broken chain', async () => {
    const keys = join(dir, 'ed25519');
    expect(zhuisu('audit', 'keygen', '--algorithm', 'ed25519', '--out', keys).status).toBe(0);
    const file = join(dir, 'before.json');
    expect(zhuisu('audit', 'head', '--sign', join(keys, 'audit-key.pem'), '--out', file).status).toBe(0);

    const db = createDb({ sqliteFile: join(dir, 'data', 'zhuisu.db') });
    await sql`update audit_log set actor_id = ${'someone-else'} where seq = 1`.execute(db);
    await db.destroy();

    const verified = zhuisu('audit', 'verify');
    expect(verified.status).toBe(1);
    expect(verified.stdout).toBe('审计链已被改动 / the audit log was tampered with (1 entries, 2 events, 0 error declarations)\n  第1条记录的内容与其哈希不符，已被改动\n  entry 1 does not match its hash: it was altered\n');
    const checked = zhuisu('audit', 'check-head', file, '--public-key', join(keys, 'audit-key.pub.pem'));
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('the audit log was tampered with');
    const signed = zhuisu('audit', 'head', '--sign', join(keys, 'audit-key.pem'));
    expect(signed.status).toBe(1);
    expect(signed.stderr).toContain('not signed: 审计链已被改动');
  }, 120_000);

  it('prints its usage for an unknown subcommand', () => {
    const result = zhuisu('audit', 'shred');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('zhuisu audit check-head FILE [--public-key PEMFILE]');
  });
});
