import { stringify } from 'csv-stringify/sync';
import { createAuditTrail } from '../../../src/capture/audit/audit-trail.js';
import { createCapture } from '../../../src/capture/capture-events.js';
import { stageColumns } from '../../../src/capture/import/columns.js';
import { createImporter } from '../../../src/capture/import/import-records.js';
import { createProfiles } from '../../../src/capture/records/profiles.js';
import { createRecorder } from '../../../src/capture/records/record-capture.js';
import { createRegistry } from '../../../src/capture/registry/registry.js';
import { usccCheckCharacter } from '../../../src/domain/ids/uscc.js';
import { BUILT_IN_PROFILES } from '../../../src/domain/sectors/index.js';
import { findStage, type StageDef } from '../../../src/domain/sectors/profile.js';
import { createAlertStore } from '../../../src/store/alert-store.js';
import { createCatalogueStore } from '../../../src/store/catalogue-store.js';
import type { Db } from '../../../src/store/db.js';
import { createEventStore } from '../../../src/store/event-store.js';
import { createPartyStore } from '../../../src/store/party-store.js';
import { createProductStore } from '../../../src/store/product-store.js';
import { createProfileStore } from '../../../src/store/profile-store.js';
import { createQuotaStore } from '../../../src/store/quota-store.js';
import { createSectorRecordStore } from '../../../src/store/sector-record-store.js';

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);

/** A mango farm in Haikou, its pharmacy neighbour, a buyer and a cylinder filling station, all registered. */
export const FARM = uscc('91460100MA5T0FXM3');
export const PHARMACY = uscc('91460105MA5RX2K41');
export const BUYER = '91110000710925462X';
export const FILLER = uscc('91460106MA5TQ7P20');
export const MANGO_GTIN = '06901234000016';

export const NOW = new Date('2026-03-06T02:00:00.000Z');

export function stageOf(sector: string, stage: string): StageDef {
  const profile = BUILT_IN_PROFILES.find((p) => p.id === sector);
  const found = profile && findStage(profile, stage);
  if (!found) throw new Error(`no stage ${sector}/${stage}`);
  return found;
}

/** Stores, registry, recorder and importer on `db`, with the parties and products above registered. */
export async function setUpLedger(db: Db, opts: { workers?: number; workerThresholdBytes?: number } = {}) {
  const now = () => NOW;
  const parties = createPartyStore(db);
  const products = createProductStore(db);
  const records = createSectorRecordStore(db);
  const alerts = createAlertStore(db);
  const quotas = createQuotaStore(db);
  const events = createEventStore(db);
  const audit = createAuditTrail({ db, now });
  const profiles = createProfiles({ store: createProfileStore(db, { now }), audit });
  const registry = createRegistry({ parties, products, catalogue: createCatalogueStore(db, { now }), quotas, profiles, audit, now });
  await registry.ensureNationalCatalogue();
  await registry.registerParty({ uscc: FARM, name: '海口芒果农场', region: '460105', sectors: ['edible-agri'] });
  await registry.registerParty({ uscc: PHARMACY, name: '秀英大药房', region: '460105', sectors: ['drug'] });
  await registry.registerParty({ uscc: BUYER, name: '北京果品批发', region: '110105', sectors: ['edible-agri'] });
  await registry.registerParty({ uscc: FILLER, name: '龙华燃气充装站', region: '460106', sectors: ['special-equipment'] });
  await registry.registerProduct({ party: FARM, code: 'MANGO', name: '贵妃芒', catalogueEntry: 'edible-agri.tropical-fruit', gtin: MANGO_GTIN });
  await registry.registerProduct({ party: FARM, code: 'LYCHEE', name: '妃子笑荔枝', catalogueEntry: 'edible-agri.tropical-fruit' });
  const capture = createCapture({ events, now });
  const recorder = createRecorder({ capture, profiles, parties, products, records, alerts, quotas, now });
  let ids = 0;
  const importer = createImporter({
    db, profiles, parties, products, records, alerts, quotas, now, newId: () => `import-${++ids}`,
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    ...(opts.workerThresholdBytes !== undefined ? { workerThresholdBytes: opts.workerThresholdBytes } : {}),
  });
  return { importer, recorder, events, records, alerts, registry, profiles };
}

/** A filled-in CSV template of a stage: the template's headers, then one row per object (by field: `party`, `data.baseName`). */
export function csvOf(stage: StageDef, rows: Array<Record<string, string>>, opts: { headers?: string[] } = {}): string {
  const columns = stageColumns(stage);
  const header = opts.headers ?? columns.map((c) => c.header);
  const fields = opts.headers ? opts.headers.map((h) => columns.find((c) => c.header === h || c.id === h || c.name.zh === h)?.field ?? h) : columns.map((c) => c.field);
  return stringify([header, ...rows.map((row) => fields.map((f) => row[f] ?? ''))], { record_delimiter: 'windows' });
}

/** UTF-8 with a BOM, as Excel in China saves "CSV UTF-8". */
export function utf8WithBom(text: string): Buffer {
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

let gbkTable: Map<string, number[]> | undefined;

/** The GBK (GB18030 two-byte) encoding of text, as Excel in China saves plain "CSV"; Node decodes GB18030 but does not encode it. */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(char);
      if (!pair) throw new Error(`no GBK code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** A farming row of the mango farm: lot `lot`, 500 kg, harvested the day before. */
export function farmingRow(lot: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    party: FARM, product: MANGO_GTIN, lot, quantity: '500', unit: '千克', time: '2026-03-05T09:00:00+08:00',
    'data.originRegion': '460105', 'data.baseName': '海口芒果基地', 'data.producerName': '王大明', 'data.variety': '贵妃芒', 'data.harvestDate': '2026-03-04',
    ...overrides,
  };
}
