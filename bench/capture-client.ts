import { generateSupplyChain, toDocuments } from './supply-chain.js';

// A load generator in a process of its own, so that building and sending requests does not share the server's thread.
// Usage: capture-client.ts URL TOKEN SEED EVENTS IN_FLIGHT; prints { events, seconds } as JSON on stdout.
const [url, token, seed, events, inFlight] = process.argv.slice(2);
const bodies = [...toDocuments(generateSupplyChain({ seed: Number(seed), events: Number(events) }), 1000)].map((d) => JSON.stringify(d));
const total = bodies.reduce((n, b) => n + (b.match(/"type":"(?:Object|Aggregation|Transaction|Transformation|Association)Event"/g)?.length ?? 0), 0);

let next = 0;
// Tells a watching parent that the clock starts now.
process.stderr.write('sending\n');
const started = performance.now();
await Promise.all(Array.from({ length: Number(inFlight) }, async () => {
  for (let i = next++; i < bodies.length; i = next++) {
    const response = await fetch(`${url}/epcis/v2/capture`, {
      method: 'POST',
      headers: { 'content-type': 'application/ld+json', authorization: `Bearer ${token}` },
      body: bodies[i],
    });
    if (response.status !== 202) throw new Error(`capture answered ${response.status}: ${await response.text()}`);
  }
}));
process.stdout.write(`${JSON.stringify({ events: total, seconds: (performance.now() - started) / 1000 })}\n`);
