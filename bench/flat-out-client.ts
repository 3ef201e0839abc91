import { codePicker } from './code-picker.js';
import { flatOutLoad } from './flat-out-load.js';

// The flat-out load in a process of its own: in the benchmark's process it shared a heap with the million codes and
// the store it had just built, and their collection took from its requests. Without a codes file it sends the same
// GET / each time (the hello-world baseline). Every run first loads the server uncounted for a second (connections
// opened, code compiled on both sides) plus `warmSeconds`.
const [url, seconds, connections, codesFile, warmSeconds] = process.argv.slice(2);
const pick = codesFile ? codePicker(codesFile) : undefined;
const root = new URL(url ?? '').pathname;
const figures = await flatOutLoad({
  url: url ?? '', seconds: Number(seconds), settleSeconds: 1 + Number(warmSeconds ?? 0), connections: Number(connections),
  ...(pick
    ? { headers: { accept: 'application/json', 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Mobile' }, path: pick }
    : { path: () => root }),
});
process.stdout.write(`${JSON.stringify(figures)}\n`);
