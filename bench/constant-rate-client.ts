import { readFileSync } from 'node:fs';
import { constantRate } from './constant-rate.js';

// The constant-rate load in a process of its own: in the benchmark's process, the collector's pauses over the
// store it had just built showed up as latency of the server. The codes stay one string with an index of where each
// starts, so that this heap holds two objects rather than a million.
const [url, codesFile, rate, seconds, connections, settleSeconds] = process.argv.slice(2);
const codes = readFileSync(codesFile ?? '', 'utf8');
let lines = 0;
for (let at = codes.indexOf('\n'); at >= 0; at = codes.indexOf('\n', at + 1)) lines++;
const starts = new Uint32Array(lines + 1);
for (let at = codes.indexOf('\n'), i = 1; at >= 0; at = codes.indexOf('\n', at + 1)) starts[i++] = at + 1;
const pick = () => {
  const i = Math.floor(Math.random() * lines);
  return `/t/${codes.slice(starts[i] ?? 0, (starts[i + 1] ?? 1) - 1)}`;
};
const load = (forSeconds: number) => constantRate({
  url: url ?? '', rate: Number(rate), seconds: forSeconds, connections: Number(connections),
  headers: { accept: 'application/json', 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Mobile' }, path: pick,
});
// The settling load runs from this same process, uncounted: a generator that has just started (compiling its code,
// opening its connections) paused for up to 100 ms, and its late requests counted against the server.
if (Number(settleSeconds) > 0) await load(Number(settleSeconds));
const figures = await load(Number(seconds));
process.stdout.write(`${JSON.stringify(figures)}\n`);
