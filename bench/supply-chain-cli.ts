// Writes a synthetic supply chain as EPCIS 2.0 JSON documents, for manual imports:
//   node --import tsx bench/supply-chain-cli.ts --seed 1 --events 10000 --doc-size 1000 --out DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSupplyChain, toDocuments } from './supply-chain.js';

const USAGE = 'usage: supply-chain-cli --out DIR [--seed 1] [--events 10000] [--doc-size 1000] '
  + '[--farms N] [--processors N] [--distributors N] [--retailers N] [--start ISO-DATE]';

function toCount(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`--${name} must be a non-negative integer, got ${value}`);
  return n;
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' }, events: { type: 'string' }, 'doc-size': { type: 'string' }, out: { type: 'string' },
      farms: { type: 'string' }, processors: { type: 'string' }, distributors: { type: 'string' }, retailers: { type: 'string' },
      start: { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (values.help || !values.out) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const start = values.start === undefined ? undefined : new Date(values.start);
  if (start && Number.isNaN(start.getTime())) throw new RangeError(`--start is not a date: ${values.start}`);
  const opts = {
    seed: toCount('seed', values.seed, 1) ?? 1,
    events: toCount('events', values.events, 10_000) ?? 10_000,
    farms: toCount('farms', values.farms),
    processors: toCount('processors', values.processors),
    distributors: toCount('distributors', values.distributors),
    retailers: toCount('retailers', values.retailers),
    start,
  };
  const docSize = toCount('doc-size', values['doc-size'], 1_000) ?? 1_000;
  mkdirSync(values.out, { recursive: true });
  const began = performance.now();
  let files = 0, events = 0;
  for (const doc of toDocuments(generateSupplyChain(opts), docSize)) {
    files++;
    events += doc.epcisBody.eventList.length;
    writeFileSync(join(values.out, `supply-chain-${String(files).padStart(6, '0')}.json`), JSON.stringify(doc));
  }
  const seconds = (performance.now() - began) / 1000;
  console.log(`wrote ${events} events in ${files} documents to ${values.out} (${seconds.toFixed(1)} s)`);
}

main(process.argv.slice(2));
