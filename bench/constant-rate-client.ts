import { codePicker } from './code-picker.js';
import { constantRate } from './constant-rate.js';

// The constant-rate load in a process of its own: in the benchmark's process, the collector's pauses over the
// store it had just built showed up as latency of the server.
const [url, codesFile, rate, seconds, connections, settleSeconds] = process.argv.slice(2);
const pick = codePicker(codesFile ?? '');
const load = (forSeconds: number) => constantRate({
  url: url ?? '', rate: Number(rate), seconds: forSeconds, connections: Number(connections),
  headers: { accept: 'application/json', 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Mobile' }, path: pick,
});
// The settling load runs from this same process, uncounted: a generator that has just started (compiling its code,
// opening its connections) paused for up to 100 ms, and its late requests counted against the server.
if (Number(settleSeconds) > 0) await load(Number(settleSeconds));
const figures = await load(Number(seconds));
process.stdout.write(`${JSON.stringify(figures)}\n`);
