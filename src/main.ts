import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './api/app.js';
import type { Config } from './config.js';
import { loadDemoInto } from './demo/load-demo.js';
import { formatTraceCode } from './domain/ids/trace-code.js';
import { createDb, migrateToLatest, type Db } from './store/db.js';
import { createTokenStore } from './store/token-store.js';
import { createUserStore } from './store/user-store.js';
import { createAccountsOn } from './accounts/accounts.js';
import { scopeLookups } from './accounts/scope-check.js';
import { createDemoAccounts } from './demo/demo-accounts.js';

/** loadConfig → createDb → migrate → first-start set-up → buildApp → listen, in this one process. */
export async function startServer(config: Config, print: (line: string) => void = console.log): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const db = await prepareDatabase(config, print);
  const server = await serveOn(db, config, { sweeps: true });
  announceListening(config, print);
  return server;
}

/** Opens the database, brings it to the latest schema and sets up a first start (administrator token, demo). */
export async function prepareDatabase(config: Config, print: (line: string) => void): Promise<Db> {
  const db = openDatabase(config);
  await migrateToLatest(db);
  const isNew = (await db.selectFrom('captureJob').select('captureId').limit(1).execute()).length === 0;
  await ensureAdminToken(db, config, print);
  if (isNew && config.demo) await announceDemo(db, config, print);
  return db;
}

export function openDatabase(config: Config): Db {
  return createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, checkpointInBackground: true });
}

/**
 * The platform on a prepared database, listening. `sweeps`: this process looks for overdue units every hour; among
 * several processes serving one database, only one does.
 */
export async function serveOn(db: Db, config: Config, opts: { sweeps: boolean }): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const app = await buildApp({
    db,
    nodeCode: config.nodeCode,
    publicBaseUrl: config.publicBaseUrl,
    bodyLimit: config.bodyLimit,
    captureWorkers: config.captureWorkers,
    logger: { level: config.logLevel },
    ...(opts.sweeps ? { sweepEveryMs: 60 * 60 * 1000 } : {}),
    webRoot: config.webRoot,
  });
  await app.listen({ port: config.port, host: config.host });
  return {
    app,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

export function announceListening(config: Config, print: (line: string) => void, processes = 1): void {
  print(`Zhuisu 追溯 is listening on http://localhost:${config.port}  (web app 网页: /, API docs: /docs, EPCIS 2.0: /epcis/v2)`);
  print(`Database: ${config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.dataDir}/zhuisu.db`}${processes > 1 ? `; ${processes} serving processes 服务进程` : ''}`);
}

/**
 * The bootstrap administrator token: for setting up a new platform before anyone can sign in. It is made at the first
 * start (or taken from ZHUISU_ADMIN_TOKEN) and stays until it is revoked or ZHUISU_BOOTSTRAP_TOKEN=off.
 */
async function ensureAdminToken(db: Db, config: Config, print: (line: string) => void): Promise<void> {
  const tokens = createTokenStore(db, { now: () => new Date() });
  const asAdmin = { role: 'platform_admin' as const, sectors: [], bootstrap: true };
  if (!config.bootstrapToken) {
    const revoked = await tokens.revokeBootstrap();
    if (revoked > 0) print(`Bootstrap administrator token turned off (ZHUISU_BOOTSTRAP_TOKEN=off) 已停用初始管理员令牌.`);
    return;
  }
  if (config.adminToken) {
    await tokens.add(config.adminToken, { name: 'ZHUISU_ADMIN_TOKEN', ...asAdmin });
    return;
  }
  const hasAdministrator = (await createUserStore(db, { now: () => new Date() }).countActive('platform_admin')) > 0;
  if (hasAdministrator || (await tokens.countActiveBootstrap()) > 0) return;
  const token = `zs_${randomBytes(24).toString('base64url')}`;
  await tokens.add(token, { name: 'generated at first start', ...asAdmin });
  print('');
  print('Bootstrap administrator token (shown once, stored only as a hash) 初始管理员令牌（仅显示一次）:');
  print(`  ${token}`);
  print('Send it as "Authorization: Bearer <token>"; create administrators with it (or `zhuisu create-admin`), then set');
  print('ZHUISU_BOOTSTRAP_TOKEN=off or revoke it (DELETE /api/v1/tokens/<id>). Set ZHUISU_ADMIN_TOKEN to choose your own.');
}

async function announceDemo(db: Db, config: Config, print: (line: string) => void): Promise<void> {
  const now = () => new Date();
  const { demo, recording: { parties, profiles } } = await loadDemoInto(db, { nodeCode: config.nodeCode, now });
  const logins = await createDemoAccounts(createAccountsOn(db, { now, lookups: scopeLookups(parties, profiles) }));
  const base = `http://localhost:${config.port}`;
  print('');
  print('Demo loaded 演示数据已载入 (a pork chain: farm → slaughterhouse → wholesale market → retail stall):');
  for (const lot of demo.lots) print(`  ${lot.name}: ${lot.id}`);
  print(`  追溯码 trace codes of retail packs: ${demo.codes.slice(0, 2).map(formatTraceCode).join(', ')}`);
  print(`  扫码查询 scan-query one on a phone: ${base}/t/${demo.codes[0] ?? ''}`);
  print('One chain per product class, recorded through the records API 各类重要产品演示链条:');
  for (const chain of demo.chains) {
    print(`  [${chain.sector}] ${chain.title}${chain.alerts > 0 ? `  (${chain.alerts} alert${chain.alerts === 1 ? '' : 's'} raised 预警)` : ''}`);
    print(`      npx zhuisu trace '${chain.traceFrom}' --backward`);
  }
  const first = demo.lots[0]?.id ?? '';
  print(`Try: npx zhuisu trace ${first} --backward`);
  print(`     curl '${base}/api/v1/trace/${encodeURIComponent(first)}?direction=both'`);
  print(`     curl '${base}/api/v1/trace/${demo.codes[0] ?? ''}?direction=backward'`);
  print(`Demo logins 演示账号 (password 密码 ${logins[0]?.password ?? ''}, shown once; sign in at ${base}/login):`);
  for (const login of logins) print(`  ${login.username.padEnd(18)} ${login.description}`);
  print('Set ZHUISU_DEMO=0 to start without the demo.');
}
