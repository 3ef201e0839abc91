import autocannon from 'autocannon';
import { codePicker } from './code-picker.js';

// Autocannon in a process of its own, as many requests as the server answers: in the benchmark's process it shared
// a heap with the million codes and the store it had just built, and their collection took from its requests.
// Without a codes file it sends the same GET / each time (the hello-world baseline).
const [url, seconds, connections, codesFile, warmSeconds] = process.argv.slice(2);
const pick = codesFile ? codePicker(codesFile) : undefined;
const load = (duration: number, count: number) => autocannon({
  url: url ?? '', connections: count, duration,
  ...(pick ? {
    headers: { accept: 'application/json', 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Mobile' },
    requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: pick() }) }],
  } : {}),
});
if (Number(warmSeconds) > 0) await load(Number(warmSeconds), 16);
const result = await load(Number(seconds), Number(connections));
process.stdout.write(`${JSON.stringify({ perSecond: result.requests.average, errors: result.errors, non2xx: result.non2xx })}\n`);
