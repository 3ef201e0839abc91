import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCapture } from './capture-bench.js';
import { benchCodes } from './codes-bench.js';
import { benchImport } from './import-bench.js';
import { fmt } from './stats.js';
import { benchTrace } from './trace-bench.js';
import { benchPublicQuery } from './public-query-bench.js';

// `npm run bench [-- --capture-events N --trace-events N --samples N --seed N --codes N --labels N --import-rows N --query-codes N --query-rate N --query-processes N --only capture|trace|codes|import|query]`
const { values } = parseArgs({
  options: {
    'capture-events': { type: 'string', default: '50000' },
    'trace-events': { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    codes: { type: 'string', default: '1000000' },
    labels: { type: 'string', default: '1000' },
    'import-rows': { type: 'string', default: '1000000' },
    'query-codes': { type: 'string', default: '1000000' },
    'query-rate': { type: 'string', default: '2000' },
    'query-processes': { type: 'string', default: String(availableParallelism()) },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench/out' },
  },
});
const dir = resolve(values.out);
mkdirSync(dir, { recursive: true });
const seed = Number(values.seed);
const log = (line: string) => console.log(line);
const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  date: new Date().toISOString(),
};

log(`Zhuisu benchmark on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), Node ${process.version}, SQLite`);
// `--only` names one part of the benchmark; without it every part runs.
const { only: part } = values;
const runs = (name: string) => part === undefined || part === name;

if (runs('capture')) {
  const capture = await benchCapture({ events: Number(values['capture-events']), seed, dir });
  results.capture = capture;
  log('');
  log(`capture: ${capture.events.toLocaleString('en-US')} events in ${capture.documents} documents of 1,000 through POST /epcis/v2/capture over loopback`);
  log(`  raw insert baseline             ${fmt(capture.rawInsertEventsPerSecond, 0)} events/s (the same rows, prepared statements, same engine and schema)`);
  for (const run of capture.runs) {
    const setup = `${run.workers} worker${run.workers === 1 ? '' : 's'}, ${run.inFlight} in flight`;
    log(`  capture, ${setup.padEnd(22)} ${fmt(run.eventsPerSecond, 0)} events/s   ratio ${fmt(run.ratio, 2)}`);
  }
}
if (runs('trace')) {
  const trace = await benchTrace({ events: Number(values['trace-events']), seed, dir, samples: Number(values.samples), log });
  results.trace = trace;
  log('');
  log(`trace: ${trace.samples} units on a store of ${trace.storeEvents.toLocaleString('en-US')} events, GET /api/v1/trace/{id} over loopback`);
  if (trace.loadSeconds !== undefined) log(`  (store built through the capture pipeline in ${fmt(trace.loadSeconds, 0)} s)`);
  for (const [direction, f] of Object.entries(trace.latency)) {
    log(`  ${direction.padEnd(8)} p50 ${fmt(f.p50)} ms   p99 ${fmt(f.p99)} ms   max ${fmt(f.max)} ms   (mean ${fmt(f.meanNodes)} units, ${fmt(f.meanEvents)} events)`);
  }
}
if (runs('codes')) {
  const codes = await benchCodes({ codes: Number(values.codes), labels: Number(values.labels), dir });
  results.codes = codes;
  log('');
  log(`codes: one issue of ${codes.codes.toLocaleString('en-US')} trace codes on a fresh SQLite database, then label sheets for ${codes.labels.toLocaleString('en-US')} of them`);
  log(`  issue, stored                   ${fmt(codes.issueSeconds, 2)} s   (target: under 10 s)`);
  log(`  label PDF, first / again        ${fmt(codes.pdfSeconds.first, 2)} s / ${fmt(codes.pdfSeconds.again, 2)} s, ${fmt(codes.pdfBytes / 1024, 0)} KiB   (target: under 5 s)`);
}
if (runs('import')) {
  const imported = await benchImport({ rows: Number(values['import-rows']), seed, dir, log });
  results.import = imported;
  log('');
  log(`import: a CSV of ${imported.rows.toLocaleString('en-US')} farming records (${fmt(imported.fileMiB, 0)} MiB) into a fresh SQLite database, ${imported.workers} workers`);
  log(`  to commit                       ${fmt(imported.secondsToCommit, 1)} s   ${fmt(imported.rowsPerSecond, 0)} rows/s   (target: under 30 s)`);
  log(`  with the log checkpoint         ${fmt(imported.secondsWithCheckpoint, 1)} s   (${fmt(imported.cpuMicrosecondsPerRow, 0)} µs of CPU a row over all threads)`);
}
if (runs('query')) {
  log('');
  log(`public query: GET /t/{code} as JSON for random codes over loopback, the platform in processes of its own: flat out from the benchmark's own load generator (bench/flat-out-load.ts) in a process of its own, then at a constant rate with evenly spaced requests`);
  const query = await benchPublicQuery({ codes: Number(values['query-codes']), rate: Number(values['query-rate']), processes: Number(values['query-processes']), dir, log });
  results.publicQuery = query;
  log(`  bare Fastify hello-world        ${fmt(query.helloPerSecond, 0)} req/s (baseline, one process)`);
  log(`  GET /t/{code}, flat out         ${fmt(query.queryPerSecond, 0)} req/s   ratio ${fmt(query.ratio, 2)}   (${query.processes} serving processes; target: at least 0.30)`);
  log(`  the same from one process       ${fmt(query.oneProcessPerSecond, 0)} req/s   ratio ${fmt(query.oneProcessPerSecond / query.helloPerSecond, 2)}`);
  log(`  (medians of ${query.runs.hello.length} runs each: hello-world ${query.runs.hello.map((r) => fmt(r, 0)).join(', ')}; ${query.processes} processes ${query.runs.query.map((r) => fmt(r, 0)).join(', ')}; one process ${query.runs.oneProcess.map((r) => fmt(r, 0)).join(', ')})`);
  log(`  GET /t/{code} at ${query.atRate.rate} req/s      (${query.processes} processes) served ${fmt(query.atRate.served, 0)} req/s   p50 ${fmt(query.atRate.p50, 1)} ms   p99 ${fmt(query.atRate.p99, 1)} ms   max ${fmt(query.atRate.max, 1)} ms   errors ${query.atRate.errors}   (target: p99 under 20 ms)`);
}
writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
