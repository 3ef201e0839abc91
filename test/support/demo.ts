import { randomBytes } from 'node:crypto';
import { createCapture } from '../../src/capture/capture-events.js';
import { createCodeIssuer } from '../../src/capture/issue-codes.js';
import { createSectorRecording } from '../../src/capture/records/sector-recording.js';
import { loadDemo, type DemoSummary } from '../../src/demo/load-demo.js';
import { createCodeStore } from '../../src/store/code-store.js';
import type { Db } from '../../src/store/db.js';
import { createEventStore } from '../../src/store/event-store.js';

/** The demo's chains and codes in `db`, as `npm start` loads them into a new ledger. */
export async function loadDemoInto(db: Db): Promise<DemoSummary> {
  const now = () => new Date();
  const capture = createCapture({ events: createEventStore(db), now });
  const issuer = createCodeIssuer({ codes: createCodeStore(db), nodeCode: '460100', randomBytes, now });
  const { registry, recorder } = createSectorRecording({ db, capture, now });
  await registry.ensureNationalCatalogue();
  return loadDemo({ capture, issuer, registry, recorder });
}
