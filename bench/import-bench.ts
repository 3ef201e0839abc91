import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { createAuditTrail } from '../src/capture/audit/audit-trail.js';
import { stageColumns } from '../src/capture/import/columns.js';
import { createImporter } from '../src/capture/import/import-records.js';
import { createProfiles } from '../src/capture/records/profiles.js';
import { createRegistry } from '../src/capture/registry/registry.js';
import { computeCheckDigit } from '../src/domain/ids/check-digit.js';
import { checkRegionCode } from '../src/domain/ids/region.js';
import { usccCheckCharacter } from '../src/domain/ids/uscc.js';
import { createAlertStore } from '../src/store/alert-store.js';
import { createCatalogueStore } from '../src/store/catalogue-store.js';
import { createDb, migrateToLatest } from '../src/store/db.js';
import { createPartyStore } from '../src/store/party-store.js';
import { createProductStore } from '../src/store/product-store.js';
import { createProfileStore } from '../src/store/profile-store.js';
import { createQuotaStore } from '../src/store/quota-store.js';
import { createSectorRecordStore } from '../src/store/sector-record-store.js';
import { removeDb } from './capture-bench.js';

export interface ImportFigures {
  rows: number;
  fileMiB: number;
  workers: number;
  /** From opening the file to the commit of the last row. */
  secondsToCommit: number;
  /** Including SQLite's copy of its write-ahead log into the database file after the commit. */
  secondsWithCheckpoint: number;
  rowsPerSecond: number;
  stored: number;
  /** CPU time of every thread of the process (user and system), per row. */
  cpuMicrosecondsPerRow: number;
}

// Hainan counties (GB/T 2260) where the farms of the synthetic file are.
const REGIONS = ['460105', '460106', '460107', '460108', '460202', '460203', '460204', '460205', '469001', '469002', '469005', '469006', '469007'];
const BASES = ['三亚芒果基地', '陵水荔枝园', '万宁槟榔合作社', '文昌椰子种植基地', '琼海胡椒园', '乐东哈密瓜基地', '东方火龙果园', '澄迈福橙基地'];
const PRODUCERS = ['王大明', '李秀英', '陈国强', '林小红', '黄志明', '吴海燕', '符春花', '郑建华'];
const VARIETIES = ['贵妃芒', '台农芒', '妃子笑', '桂味', '金煌芒', '红心火龙果', '麒麟西瓜', '无'];
const FARMS = 40;
const PRODUCTS_PER_FARM = 3;

function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function farmUscc(i: number): string {
  const first17 = `9246${String(100 + (i % 800)).padStart(4, '0')}MA5T${String(i).padStart(5, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

function gtinOf(farm: number, product: number): string {
  const body = `0690${String(1000 + farm).padStart(4, '0')}${String(product).padStart(5, '0')}`;
  return body + computeCheckDigit(body);
}

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length) % list.length] as T;

/** Writes `rows` farming records (种植养殖, edible agricultural products) of distinct lots as the stage's CSV template. */
async function writeFarmingCsv(file: string, rows: number, seed: number): Promise<void> {
  const { BUILT_IN_PROFILES } = await import('../src/domain/sectors/index.js');
  const stage = BUILT_IN_PROFILES.find((p) => p.id === 'edible-agri')?.stages.find((s) => s.id === 'farming');
  if (!stage) throw new Error('no edible-agri farming stage');
  const columns = stageColumns(stage);
  const out = createWriteStream(file);
  out.write(`\uFEFF${stringify([columns.map((c) => c.header)], { record_delimiter: 'windows' })}`);
  const random = rng(seed);
  let buffered = '';
  // An export of a season's records, oldest first, as an ERP or a provincial platform writes it.
  const season = Date.UTC(2026, 2, 1, 0, 0, 0);
  const step = (90 * 86_400_000) / rows;
  for (let i = 0; i < rows; i++) {
    const farm = Math.floor(random() * FARMS);
    const recorded = new Date(season + Math.floor(i * step));
    const harvest = new Date(recorded.getTime() - 86_400_000);
    const local = new Date(recorded.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
    const values: Record<string, string> = {
      party: farmUscc(farm),
      product: gtinOf(farm, Math.floor(random() * PRODUCTS_PER_FARM)),
      lot: `${harvest.toISOString().slice(0, 10).replaceAll('-', '')}-${String(i).padStart(7, '0')}`,
      quantity: String(Math.round(50 + random() * 4950) / 10),
      unit: random() < 0.8 ? '千克' : '吨',
      time: `${local}+08:00`,
      reference: random() < 0.5 ? `PC${String(i).padStart(8, '0')}` : '',
      'data.originRegion': pick(REGIONS, random()),
      'data.baseName': pick(BASES, random()),
      'data.producerName': pick(PRODUCERS, random()),
      'data.variety': pick(VARIETIES, random()),
      'data.harvestDate': harvest.toISOString().slice(0, 10),
      'data.certification': random() < 0.2 ? `LB-${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : '',
    };
    buffered += columns.map((c) => values[c.field] ?? '').join(',') + '\r\n';
    if (buffered.length > 1 << 20) {
      if (!out.write(buffered)) await once(out, 'drain');
      buffered = '';
    }
  }
  out.end(buffered);
  await once(out, 'finish');
}

/**
 * A farming-stage CSV of `rows` distinct lots imported end to end into a fresh SQLite ledger: from opening the file
 * to the commit of the single transaction that holds every row.
 */
export async function benchImport(opts: { rows: number; seed: number; dir: string; workers?: number; log: (line: string) => void }): Promise<ImportFigures> {
  for (const code of REGIONS) if (!checkRegionCode(code).ok) throw new Error(`region ${code} is not in GB/T 2260`);
  const csv = join(opts.dir, `import-farming-${opts.seed}-${opts.rows}.csv`);
  // The file depends on the seed and size only: it is written once and kept for later runs.
  if (!existsSync(csv)) {
    opts.log(`writing ${opts.rows.toLocaleString('en-US')} rows to ${csv}`);
    await writeFarmingCsv(`${csv}.part`, opts.rows, opts.seed);
    renameSync(`${csv}.part`, csv);
  }
  const file = join(opts.dir, 'import.db');
  removeDb(file);
  const db = createDb({ sqliteFile: file });
  await migrateToLatest(db);
  const now = () => new Date();
  const parties = createPartyStore(db);
  const products = createProductStore(db);
  const profiles = createProfiles({ store: createProfileStore(db, { now }) });
  const registry = createRegistry({ parties, products, catalogue: createCatalogueStore(db, { now }), quotas: createQuotaStore(db), profiles, audit: createAuditTrail({ db, now }), now });
  await registry.ensureNationalCatalogue();
  for (let farm = 0; farm < FARMS; farm++) {
    await registry.registerParty({ uscc: farmUscc(farm), name: `海南农场${farm}`, region: pick(REGIONS, farm / FARMS), sectors: ['edible-agri'] });
    for (let p = 0; p < PRODUCTS_PER_FARM; p++) {
      await registry.registerProduct({ party: farmUscc(farm), code: `P${p}`, name: `热带水果${p}`, catalogueEntry: 'edible-agri.tropical-fruit', gtin: gtinOf(farm, p) });
    }
  }
  const workers = opts.workers ?? availableParallelism();
  const importer = createImporter({
    db, profiles, parties, products, records: createSectorRecordStore(db), alerts: createAlertStore(db), quotas: createQuotaStore(db), now, workers,
  });
  const size = statSync(csv).size;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await importer.importRecords({ sector: 'edible-agri', stage: 'farming', format: 'csv', data: createReadStream(csv, { highWaterMark: 1 << 20 }), size });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const stored = Number((await db.selectFrom('sectorRecord').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  await db.destroy();
  // The ledger is 2 GB and of no use after the run; the CSV is kept for the next one.
  removeDb(file);
  if (result.stored !== opts.rows || stored !== opts.rows) throw new Error(`imported ${result.stored} rows and the ledger holds ${stored}, not ${opts.rows}`);
  return {
    rows: result.rows, fileMiB: size / 2 ** 20, workers, secondsToCommit: result.timings.committedMs / 1000, secondsWithCheckpoint: seconds,
    rowsPerSecond: result.rows / (result.timings.committedMs / 1000), stored, cpuMicrosecondsPerRow: (used.user + used.system) / opts.rows,
  };
}
