import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, type AuditActor } from '../../domain/audit/actor.js';
import { DomainError } from '../../domain/errors.js';
import { findStage, type SectorProfile, type StageDef } from '../../domain/sectors/profile.js';
import type { AlertStore } from '../../store/alert-store.js';
import { sameDbOptions, type Db } from '../../store/db.js';
import type { PartyStore } from '../../store/party-store.js';
import type { ProductStore } from '../../store/product-store.js';
import type { QuotaStore } from '../../store/quota-store.js';
import type { SectorRecordStore } from '../../store/sector-record-store.js';
import type { Profiles } from '../records/profiles.js';
import { createLookups } from '../records/resolve-record.js';
import { matchHeader } from './columns.js';
import { startImportWorkers } from './import-pool.js';
import { createImportRules } from './import-rules.js';
import { readImportFile, type ImportData, type ImportFormat } from './import-source.js';
import { createImportRun, refusal, type ImportResult } from './import-run.js';
import { checkpointLog } from './import-writer.js';
import { createRowPreparer, DOCUMENT_NAMESPACES_JSON, type ImportContext, type RowIssue } from './prepare-rows.js';
import { prepareWork, type ChunkResult, type ChunkWork } from './prepare-work.js';

// Below this size a file is prepared on the calling thread: starting workers would cost more than it saves.
const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;

/** The stage of a sector's latest profile, or `sector_not_found` naming what exists. */
export async function findImportStage(profiles: Profiles, sector: string, stageId: string): Promise<{ profile: SectorProfile; stage: StageDef }> {
  const profile = await profiles.find(sector);
  if (!profile) throw new DomainError('sector_not_found', `没有“${sector}”行业 / there is no sector "${sector}"; see GET /api/v1/sectors`);
  const stage = findStage(profile, stageId);
  if (!stage) {
    throw new DomainError('sector_not_found', `“${profile.name.zh}”没有“${stageId}”环节，可用环节：${profile.stages.map((s) => s.id).join('、')} / sector "${profile.id}" has no stage "${stageId}"; its stages are ${profile.stages.map((s) => s.id).join(', ')}`);
  }
  return { profile, stage };
}

/**
 * Bulk import of one sector stage's records from a CSV or XLSX file (the stage's template): every row is checked as
 * `POST /api/v1/records` checks a record, and the file is stored whole, in one transaction, or not at all.
 */
export function createImporter(deps: {
  db: Db;
  profiles: Profiles;
  parties: PartyStore;
  products: ProductStore;
  records: SectorRecordStore;
  alerts: AlertStore;
  quotas: QuotaStore;
  now: () => Date;
  newId?: () => string;
  /** Worker threads that prepare the rows of large files; 0 prepares them on the calling thread. */
  workers?: number;
  /** Files at least this large go to the workers. */
  workerThresholdBytes?: number;
}) {
  const newId = deps.newId ?? randomUUID;

  return {
    /**
     * Imports a file of records of one stage, with one audit entry naming `actor` (the platform itself when absent).
     * Throws `invalid_record` listing every bad row, column and reason (at most MAX_REPORTED_ISSUES, with a count of
     * the rest), having stored nothing.
     */
    async importRecords(input: { sector: string; stage: string; format: ImportFormat; data: ImportData; size?: number; actor?: AuditActor }): Promise<ImportResult> {
      const started = performance.now();
      const { profile, stage } = await findImportStage(deps.profiles, input.sector, input.stage);
      const { header, chunks } = await readImportFile(input.format, input.data);
      const { map, issues: found } = matchHeader(stage, header);
      const headerIssues = found.map((i): RowIssue => ({ row: i.row ?? 1, column: i.column ?? '', field: i.field, reason: i.reason }));
      if (headerIssues.length > 0) throw refusal(headerIssues, 0);

      const rules = createImportRules({ db: deps.db, records: deps.records, quotas: deps.quotas, profile, stage });
      const context: ImportContext = {
        sector: profile.id, stage: stage.id, profileVersion: profile.version, header, recordTime: deps.now().toISOString(), captureId: newId(), withFacts: rules.applies,
      };
      const size = input.size ?? (input.data instanceof Uint8Array ? input.data.byteLength : Number.POSITIVE_INFINITY);
      const workers = (deps.workers ?? 0) > 0 && size >= (deps.workerThresholdBytes ?? WORKER_THRESHOLD_BYTES) ? (deps.workers ?? 0) : 0;
      const prepare = await preparerFor(workers, context);

      const actsFor = input.actor?.enterprise;
      const run = createImportRun({ db: deps.db, alerts: deps.alerts, rules, profile, stage, map, context, now: deps.now, newId, ...(actsFor ? { actsFor } : {}) });
      const queue: Array<Promise<ChunkResult>> = [];
      const timings = { committedMs: 0, checkpointMs: 0 };
      try {
        const inFlight = Math.max(1, workers * 2);
        for await (const work of chunks) {
          queue.push(prepare.run(work));
          // The queue is consumed in file order, so that the ledger keeps the file's order.
          while (queue.length >= inFlight) await run.consume(await (queue.shift() ?? Promise.reject(new Error('empty queue'))));
        }
        while (queue.length > 0) await run.consume(await (queue.shift() ?? Promise.reject(new Error('empty queue'))));
        await run.commit(input.actor ?? SYSTEM_ACTOR);
        timings.committedMs = performance.now() - started;
        await prepare.checkpoint();
        timings.checkpointMs = performance.now() - started - timings.committedMs;
      } catch (err) {
        // Chunks still on their way fail when the workers stop; nothing waits for them any more.
        for (const pending of queue) pending.catch(() => {});
        await run.abandon();
        throw err;
      } finally {
        await prepare.close();
      }
      return run.result(timings);
    },
  };

  async function preparerFor(workers: number, context: ImportContext): Promise<{ run: (work: ChunkWork) => Promise<ChunkResult>; checkpoint: () => Promise<void>; close: () => Promise<void> }> {
    if (workers > 0) {
      return startImportWorkers({
        count: workers, db: sameDbOptions(deps.db), context,
        pack: { ...context, namespaces: DOCUMENT_NAMESPACES_JSON },
      });
    }
    const preparer = await createRowPreparer({ lookups: createLookups(deps) }, context);
    return { run: (work) => prepareWork(preparer, work), checkpoint: async () => checkpointLog(sameDbOptions(deps.db)), close: async () => {} };
  }
}

export type Importer = ReturnType<typeof createImporter>;
