import type { Capture } from '../capture/capture-events.js';
import type { CodeIssuer } from '../capture/issue-codes.js';
import { DEMO, porkChainDocument } from './pork-chain.js';

export interface DemoSummary {
  lots: { name: string; id: string }[];
  codes: string[];
}

/** Loads the demo chain into an empty ledger, through the same capture path as any enterprise. */
export async function loadDemo(deps: { capture: Capture; issuer: CodeIssuer }): Promise<DemoSummary> {
  const issued = await deps.issuer.issue({ count: 5, lot: DEMO.loinLot, product: '海南猪里脊肉 1 kg 装 Hainan pork loin, 1 kg pack' });
  await deps.capture.captureDocument(porkChainDocument(issued.codes.map((c) => c.unitId)));
  return {
    lots: [
      { name: '猪里脊肉批次 pork loin lot (retail)', id: DEMO.loinLot },
      { name: '生猪批次 live pig lot (farm)', id: DEMO.pigLot },
      { name: '托盘 pallet', id: DEMO.pallet },
    ],
    codes: issued.codes.map((c) => c.code),
  };
}
