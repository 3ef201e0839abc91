import { randomBytes } from 'node:crypto';
import { createCapture, type Capture } from '../capture/capture-events.js';
import { createCodeIssuer, type CodeIssuer } from '../capture/issue-codes.js';
import type { Recorder, RecordResult } from '../capture/records/record-capture.js';
import { createSectorRecording, type SectorRecording } from '../capture/records/sector-recording.js';
import type { Registry } from '../capture/registry/registry.js';
import { createCodeStore } from '../store/code-store.js';
import type { Db } from '../store/db.js';
import { createEventStore } from '../store/event-store.js';
import type { DemoChain } from './chains/chain.js';
import { DEMO_CHAINS } from './chains/index.js';
import { DEMO, porkChainDocument } from './pork-chain.js';

export interface DemoSummary {
  lots: { name: string; id: string }[];
  codes: string[];
  /** Per sector chain: what it shows and the unit to trace from. */
  chains: Array<{ sector: string; title: string; traceFrom: string; alerts: number }>;
}

/** Registers a chain's parties, products and quotas and records its stages, as an enterprise would through the API. */
export async function loadChain(deps: { registry: Registry; recorder: Recorder }, chain: DemoChain): Promise<RecordResult[]> {
  for (const party of chain.parties) await deps.registry.registerParty(party);
  for (const product of chain.products) await deps.registry.registerProduct(product);
  for (const quota of chain.quotas ?? []) await deps.registry.registerQuota(quota);
  const results: RecordResult[] = [];
  const lookups = deps.recorder.lookups();
  for (const record of chain.records) results.push(await deps.recorder.record(record, { lookups }));
  return results;
}

/** Loads the demo into an empty ledger: the EPCIS pork chain, then one chain per product class through the records API. */
export async function loadDemo(deps: { capture: Capture; issuer: CodeIssuer; registry: Registry; recorder: Recorder }): Promise<DemoSummary> {
  for (const party of [DEMO.farm, DEMO.slaughterhouse, DEMO.market, DEMO.stall]) {
    await deps.registry.registerParty({ uscc: party.uscc, name: party.name, region: party.region, site: party.site, sectors: ['edible-agri'] });
  }
  const issued = await deps.issuer.issue({ count: 5, lot: DEMO.loinLot, product: '海南猪里脊肉 1 kg 装 Hainan pork loin, 1 kg pack' });
  await deps.capture.captureDocument(porkChainDocument(issued.codes.map((c) => c.unitId)));
  const chains: DemoSummary['chains'] = [];
  for (const chain of DEMO_CHAINS) {
    const results = await loadChain(deps, chain);
    const traceFrom = results[chain.traceFrom.record]?.units[chain.traceFrom.unit] ?? '';
    chains.push({ sector: chain.sector, title: chain.title, traceFrom, alerts: results.reduce((n, r) => n + r.alerts.length, 0) });
  }
  return {
    lots: [
      { name: '猪里脊肉批次 pork loin lot (retail)', id: DEMO.loinLot },
      { name: '生猪批次 live pig lot (farm)', id: DEMO.pigLot },
      { name: '托盘 pallet', id: DEMO.pallet },
    ],
    codes: issued.codes.map((c) => c.code),
    chains,
  };
}

/** The demo loaded into the empty ledger `db` through capture, code issuing and sector recording made for it, as at first start. */
export async function loadDemoInto(db: Db, opts: { nodeCode: string; now?: () => Date }): Promise<{ demo: DemoSummary; recording: SectorRecording }> {
  const now = opts.now ?? (() => new Date());
  const capture = createCapture({ events: createEventStore(db), now });
  const issuer = createCodeIssuer({ codes: createCodeStore(db), nodeCode: opts.nodeCode, randomBytes, now });
  const recording = createSectorRecording({ db, capture, now });
  await recording.registry.ensureNationalCatalogue();
  const demo = await loadDemo({ capture, issuer, registry: recording.registry, recorder: recording.recorder });
  return { demo, recording };
}
