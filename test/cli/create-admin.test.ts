import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../src/store/db.js';

const BIN = new URL('../../bin/zhuisu.js', import.meta.url).pathname;

function createAdmin(args: string[], password: string, dataDir: string) {
  return spawnSync(process.execPath, [BIN, 'create-admin', ...args], { input: password, encoding: 'utf8', env: { ...process.env, ZHUISU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, timeout: 60_000 });
}

describe('zhuisu create-admin (sqlite)', () => {
  it('creates a platform administrator from a password on standard input, and refuses a weak one or a taken name', async () => {
    const dataDir = mkdtempSync(join(inject('scratchDir'), 'admin-'));
    const made = createAdmin(['root', '--name', '平台管理员'], 'a long passphrase 长密码\n', dataDir);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^platform administrator root created \([0-9a-f-]{36}\); sign in at POST \/api\/v1\/auth\/login\n$/);
    const weak = createAdmin(['second'], 'short', dataDir);
    expect(weak.status).toBe(1);
    expect(weak.stderr).toBe('zhuisu create-admin: password: 密码至少10个字符 / the password must have at least 10 characters\n');
    const taken = createAdmin(['root'], 'another long passphrase', dataDir);
    expect(taken.stderr).toBe('zhuisu create-admin: 用户名“root”已被使用 / the username "root" is taken\n');

    const db = createDb({ dataDir });
    const users = await db.selectFrom('appUser').select(['userId', 'username', 'displayName', 'role', 'passwordHash']).execute();
    const audited = await db.selectFrom('auditLog').select(['actorType', 'action', 'subject']).where('action', '=', 'user.create').execute();
    await db.destroy();
    expect(audited).toEqual([{ actorType: 'cli', action: 'user.create', subject: users[0]?.userId }]);
    expect(users.map(({ passwordHash, username, displayName, role }) => ({ username, displayName, role, hashed: passwordHash.startsWith('scrypt$') && !passwordHash.includes('长密码') }))).toEqual([
      { username: 'root', displayName: '平台管理员', role: 'platform_admin', hashed: true },
    ]);
  });
});
