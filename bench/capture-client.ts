import { captureDocuments } from './capture-documents.js';

// A load generator in a process of its own, so that building and sending requests does not share the server's thread.
// Usage: capture-client.ts URL TOKEN SEED EVENTS IN_FLIGHT; prints { events, seconds } of the measured documents as JSON.
const [url, token, seed, events, inFlight] = process.argv.slice(2);
const { warmUp, measured } = captureDocuments({ seed: Number(seed), events: Number(events) });
// Encoded once beforehand: the load generator shares the machine with the server and should take little of it.
const encode = (docs: unknown[]) => docs.map((d) => Buffer.from(JSON.stringify(d)));
const warmUpBodies = encode(warmUp);
const bodies = encode(measured);
const total = measured.reduce((n, d) => n + d.epcisBody.eventList.length, 0);

async function send(list: Buffer[]): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Number(inFlight) }, async () => {
    for (let i = next++; i < list.length; i = next++) {
      const response = await fetch(`${url}/epcis/v2/capture`, {
        method: 'POST',
        headers: { 'content-type': 'application/ld+json', authorization: `Bearer ${token}` },
        body: list[i],
      });
      if (response.status !== 202) throw new Error(`capture answered ${response.status}: ${await response.text()}`);
    }
  }));
}

await send(warmUpBodies);
// Tells a watching parent that the clock starts now.
process.stderr.write('sending\n');
const started = performance.now();
await send(bodies);
process.stdout.write(`${JSON.stringify({ events: total, seconds: (performance.now() - started) / 1000 })}\n`);
