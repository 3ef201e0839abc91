import { generateSupplyChain, toDocuments, type EpcisDocumentJson } from './supply-chain.js';

/**
 * Documents captured before the clock starts: until V8 has compiled the hot code of every capture thread, a fifth of
 * the CPU goes to its compiler. The figure the benchmark reports is the sustained rate of a running server.
 */
export const WARM_UP_DOCUMENTS = 10;

/** The documents of one capture run (1,000 events each): the warm-up ones, then the measured ones. */
export function captureDocuments(opts: { seed: number; events: number }): { warmUp: EpcisDocumentJson[]; measured: EpcisDocumentJson[] } {
  const all = [...toDocuments(generateSupplyChain({ seed: opts.seed, events: opts.events + WARM_UP_DOCUMENTS * 1000 }), 1000)];
  return { warmUp: all.slice(0, WARM_UP_DOCUMENTS), measured: all.slice(WARM_UP_DOCUMENTS) };
}
