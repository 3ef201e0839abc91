import { readFileSync } from 'node:fs';
import { constantRate } from './constant-rate.js';

// The constant-rate load in a process of its own: in the benchmark's process, the collector's pauses over the
// store it had just built showed up as latency of the server. The codes stay one string with an index of where each
// starts, so that this heap holds two objects rather than a million.
const [url, codesFile, rate, seconds, connections] = process.argv.slice(2);
const codes = readFileSync(codesFile ?? '', 'utf8');
const starts: number[] = [0];
for (let at = codes.indexOf('\n'); at >= 0; at = codes.indexOf('\n', at + 1)) starts.push(at + 1);
const index = Uint32Array.from(starts);
const pick = () => {
  const i = Math.floor(Math.random() * (index.length - 1));
  return `/t/${codes.slice(index[i] ?? 0, (index[i + 1] ?? 1) - 1)}`;
};
const figures = await constantRate({
  url: url ?? '', rate: Number(rate), seconds: Number(seconds), connections: Number(connections),
  headers: { accept: 'application/json', 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Mobile' }, path: pick,
});
process.stdout.write(`${JSON.stringify(figures)}\n`);
