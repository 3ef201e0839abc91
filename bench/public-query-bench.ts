import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RateFigures } from './constant-rate.js';
import { createCodeIssuer } from '../src/capture/issue-codes.js';
import { loadDemoInto } from '../src/demo/load-demo.js';
import { createCodeStore } from '../src/store/code-store.js';
import { createDb, migrateToLatest } from '../src/store/db.js';
import { removeDb } from './capture-bench.js';

export interface PublicQueryFigures {
  codes: number;
  /** Bare Fastify hello-world, as many requests as the machine serves: the baseline. Each flat-out figure is the median of `runs`. */
  helloPerSecond: number;
  /** Serving processes of the platform (ZHUISU_WORKERS). */
  processes: number;
  /** GET /t/{code} as JSON for random codes, as many as the machine serves, from `processes` processes. */
  queryPerSecond: number;
  ratio: number;
  /** The same from one serving process. */
  oneProcessPerSecond: number;
  /** Every flat-out run, in the order they ran. */
  runs: { hello: number[]; query: number[]; oneProcess: number[] };
  /** The same query at a constant arrival rate, requests spaced evenly. */
  atRate: RateFigures;
}

const SECONDS = 10;
// Flat-out figures on this two-core machine, with the load generator on the same cores, differ by a fifth from one
// ten-second run to the next; each is the median of three runs on the same server.
const FLAT_OUT_RUNS = 3;

/** The public query under load on a store of `codes` codes, against a bare Fastify server on the same machine. */
export async function benchPublicQuery(opts: { codes: number; rate: number; processes: number; dir: string; log: (line: string) => void }): Promise<PublicQueryFigures> {
  const file = join(opts.dir, 'public-query.db');
  const remove = () => {
    removeDb(file);
    rmSync(join(opts.dir, 'public-query-codes.txt'), { force: true });
  };
  remove();
  const codes = await buildStore(file, opts.codes);
  opts.log(`  store of ${codes.length.toLocaleString('en-US')} codes built`);
  // Each code on a line of its own and the file ending in a newline, as constant-rate-client.ts reads them.
  const codesFile = join(opts.dir, 'public-query-codes.txt');
  writeFileSync(codesFile, `${codes.join('\n')}\n`);
  try {
    const hello = await withServer('hello', file, 1, (port) => flatOutRuns({ url: `http://127.0.0.1:${port}/`, connections: 64 }));
    const oneProcess = await withServer('platform', file, 1, (port) => flatOutRuns({ url: `http://127.0.0.1:${port}`, connections: 64, codesFile, warmSeconds: 3 }));
    const queried = await withServer('platform', file, opts.processes, async (port) => {
      const base = `http://127.0.0.1:${port}`;
      const max = await flatOutRuns({ url: base, connections: 64, codesFile, warmSeconds: 3 });
      // Five seconds at the rate first, not counted: the flat-out run leaves the server a backlog (scans to write, a
      // long WAL, collections of its heap), and the figure wanted is the steady state at that rate.
      const atRate = await atConstantRate({ url: base, rate: opts.rate, settleSeconds: 5, seconds: SECONDS, connections: 32, codesFile });
      return { max, atRate };
    });
    return {
      codes: codes.length,
      helloPerSecond: hello.median,
      processes: opts.processes,
      queryPerSecond: queried.max.median,
      ratio: queried.max.median / hello.median,
      oneProcessPerSecond: oneProcess.median,
      runs: { hello: hello.runs, query: queried.max.runs, oneProcess: oneProcess.runs },
      atRate: queried.atRate,
    };
  } finally {
    remove();
  }
}

/** The demo's chains, then `count` codes in issues of 10,000, each issue of one demo lot, so that every code has a story. */
async function buildStore(file: string, count: number): Promise<string[]> {
  const db = createDb({ sqliteFile: file });
  try {
    await migrateToLatest(db);
    const { demo } = await loadDemoInto(db, { nodeCode: '460100' });
    const issuer = createCodeIssuer({ codes: createCodeStore(db), nodeCode: '460100', randomBytes, now: () => new Date() });
    const lots = [...demo.lots.map((l) => l.id), ...demo.chains.map((c) => c.traceFrom)];
    const codes: string[] = [...demo.codes];
    for (let i = 0; codes.length < count; i++) {
      const issued = await issuer.issue({ count: Math.min(10_000, count - codes.length), lot: lots[i % lots.length] ?? '', product: `演示产品 ${i}` });
      for (const c of issued.codes) codes.push(c.code);
    }
    return codes;
  } finally {
    await db.destroy();
  }
}

async function withServer<T>(mode: 'hello' | 'platform', file: string, processes: number, run: (port: number) => Promise<T>): Promise<T> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'public-query-server.ts'), mode, file, String(processes)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      if (!child.stdout) return reject(new Error('no stdout'));
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`${mode} server exited with ${String(code)}`)));
    });
    return await run((JSON.parse(line) as { port: number }).port);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** The constant-rate load from constant-rate-client.ts in a child process. */
async function atConstantRate(opts: { url: string; rate: number; settleSeconds: number; seconds: number; connections: number; codesFile: string }): Promise<RateFigures> {
  return JSON.parse(await runClient('constant-rate-client.ts', [opts.url, opts.codesFile, String(opts.rate), String(opts.seconds), String(opts.connections), String(opts.settleSeconds)])) as RateFigures;
}

/** FLAT_OUT_RUNS flat-out runs one after another, warmed up before the first only, and their median. */
async function flatOutRuns(opts: { url: string; connections: number; codesFile?: string; warmSeconds?: number }): Promise<{ median: number; runs: number[] }> {
  const runs: number[] = [];
  for (let i = 0; i < FLAT_OUT_RUNS; i++) runs.push(await flatOut(i === 0 ? opts : { ...opts, warmSeconds: 0 }));
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, runs };
}

/** Requests per second from flat-out-client.ts in a child process: random codes from `codesFile`, or GET / without it. */
async function flatOut(opts: { url: string; connections: number; codesFile?: string; warmSeconds?: number }): Promise<number> {
  const out = await runClient('flat-out-client.ts', [opts.url, String(SECONDS), String(opts.connections), opts.codesFile ?? '', String(opts.warmSeconds ?? 0)]);
  const result = JSON.parse(out) as { perSecond: number; errors: number; non2xx: number };
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`flat-out load to ${opts.url}: ${String(result.errors)} errors, ${String(result.non2xx)} answers not 2xx`);
  return result.perSecond;
}

async function runClient(script: string, args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${script} exited with ${String(code)}`);
  return out;
}
