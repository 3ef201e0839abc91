import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freePort } from '../support/free-port.js';
import { SCAN_FLUSH_MS } from '../../src/store/scan-store.js';

const BIN = new URL('../../bin/zhuisu.js', import.meta.url).pathname;

/** One request on a connection of its own, so that the cluster hands each to the next serving process. */
function send(port: number, path: string, opts: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request({
      host: '127.0.0.1', port, path, method: opts.method ?? 'GET', agent: false,
      headers: { accept: 'application/json', connection: 'close', ...(body ? { 'content-type': 'application/json' } : {}) },
    }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The serving processes the primary forked (its other child is the TypeScript loader's service). */
function servingPids(primary: number): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === primary && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('zhuisu.js');
    } catch {
      return false;
    }
  });
}

describe('zhuisu serve with ZHUISU_WORKERS=2 (sqlite)', () => {
  let server: ChildProcess;
  let port: number;
  let output = '';
  let code = '';
  let dataDir = '';

  beforeAll(async () => {
    port = await freePort();
    dataDir = mkdtempSync(join(inject('scratchDir'), 'serve-'));
    server = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, ZHUISU_DATA_DIR: dataDir, ZHUISU_WORKERS: '2', ZHUISU_CAPTURE_WORKERS: '0', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1' },
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
      server.stdout?.on('data', () => {
        if (/Database: .*\n/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    code = /\/t\/([0-9A-Z]{20})/.exec(output)?.[1] ?? '';
  }, 90_000);

  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });

  it('announces its two serving processes once they listen', () => {
    expect(output).toContain('Demo loaded');
    expect(output).toContain('2 serving processes');
    expect(servingPids(server.pid ?? 0)).toHaveLength(2);
  });

  it('counts the queries of a code served by either process, once their scans are written', async () => {
    for (let i = 0; i < 4; i++) expect((await send(port, `/t/${code}`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, SCAN_FLUSH_MS + 500));
    const answer = JSON.parse((await send(port, `/t/${code}`)).body) as { scans: { count: number } };
    expect(answer.scans.count).toBe(5);
  });

  it('refuses the sixth failed login of an account, wherever the five before it were served', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await send(port, '/api/v1/auth/login', { method: 'POST', body: { username: 'yelin-clerk', password: 'not the password' } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('starts another serving process in place of one that died', async () => {
    // SIGKILL loses the scans a process has not written yet; the count checked at the end must not depend on that.
    await new Promise((resolve) => setTimeout(resolve, SCAN_FLUSH_MS + 500));
    const [victim] = servingPids(server.pid ?? 0);
    process.kill(victim ?? 0, 'SIGKILL');
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(servingPids(server.pid ?? 0).length === 2 && !servingPids(server.pid ?? 0).includes(victim ?? 0) && output.includes('starting another'))) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const now = servingPids(server.pid ?? 0);
    expect(now).toHaveLength(2);
    expect(now).not.toContain(victim);
    // Both answer: one request per connection, handed round in turn.
    for (let i = 0; i < 4; i++) expect((await send(port, '/healthz')).status).toBe(200);
  }, 40_000);

  it('stops every process on SIGTERM, the scans not yet written written first', async () => {
    expect((await send(port, `/t/${code}`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    const serving = servingPids(server.pid ?? 0);
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(serving.filter((pid) => readdirSync('/proc').includes(String(pid)))).toEqual([]);
    const database = new SQLite(join(dataDir, 'zhuisu.scans.db'), { readonly: true });
    try {
      expect(database.prepare('select scan_count from scan_summary where unit_key = ?').pluck().get(`urn:zhuisu:code:${code}`)).toBe(6);
    } finally {
      database.close();
    }
  }, 30_000);
});
