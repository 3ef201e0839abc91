import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { findStage, type SectorProfile, type StageDef } from '../../domain/sectors/profile.js';
import type { RuleOutcome } from '../../domain/sectors/rules.js';
import type { Alert, AlertStore } from '../../store/alert-store.js';
import { sameDbOptions, type Db } from '../../store/db.js';
import type { PartyStore } from '../../store/party-store.js';
import type { ProductStore } from '../../store/product-store.js';
import type { QuotaStore } from '../../store/quota-store.js';
import type { SectorRecordStore } from '../../store/sector-record-store.js';
import type { Profiles } from '../records/profiles.js';
import { createLookups } from '../records/resolve-record.js';
import { columnOf, matchHeader } from './columns.js';
import { startImportWorkers } from './import-pool.js';
import { createImportRules } from './import-rules.js';
import { readImportFile, type ImportData, type ImportFormat } from './import-source.js';
import { checkpointLog, openImportWriter, type ImportWriter } from './import-writer.js';
import { createRowPreparer, DOCUMENT_NAMESPACES_JSON, type ImportContext, type PreparedRow, type RowIssue } from './prepare-rows.js';
import { prepareWork, type ChunkResult, type ChunkWork } from './prepare-work.js';

/** At most this many problems are listed; the rest are counted. */
export const MAX_REPORTED_ISSUES = 1000;

/** What an import stored: rows read, events stored, rows already in the ledger, and the alerts its rules raised. */
export interface ImportResult {
  captureId: string;
  rows: number;
  stored: number;
  /** Rows whose record was already stored (the same content gives the same event), by an earlier import or row. */
  skipped: number;
  alerts: Array<{ row: number; rule: string; message: string }>;
  /** Alerts beyond the listed ones. */
  moreAlerts?: number;
  /** Milliseconds from the start to the commit, and for SQLite's copy of its log into the database after it. */
  timings: { committedMs: number; checkpointMs: number };
}

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
     * Imports a file of records of one stage. Throws `invalid_record` listing every bad row, column and reason (at
     * most MAX_REPORTED_ISSUES, with a count of the rest), having stored nothing.
     */
    async importRecords(input: { sector: string; stage: string; format: ImportFormat; data: ImportData; size?: number }): Promise<ImportResult> {
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

      const issues: RowIssue[] = [];
      let moreIssues = 0;
      const report = (found: RowIssue[]) => {
        for (const issue of found) {
          if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
          else moreIssues++;
        }
      };
      const refusedAlerts: Alert[] = [];
      const alerts: Alert[] = [];
      const toCheckAfter: PreparedRow[] = [];
      let writer: ImportWriter | undefined;
      const timings = { committedMs: 0, checkpointMs: 0 };
      let rows = 0;
      let stored = 0;
      let prepared = 0;

      const alertOf = (outcome: Extract<RuleOutcome, { kind: 'flag' | 'reject' }>, row: PreparedRow): Alert => {
        const unit = typeof outcome.details.unit === 'string' ? outcome.details.unit : undefined;
        return {
          alertId: newId(), rule: outcome.rule, sector: profile.id, message: outcome.kind === 'flag' ? outcome.message : outcome.reason, details: { ...outcome.details, row: row.row },
          raisedAt: deps.now().toISOString(), status: 'open', party: row.record.party, recordId: row.record.recordId, ...(unit ? { unitId: unit } : {}),
        };
      };

      const consume = async (result: ChunkResult) => {
        rows += result.count;
        report(result.issues);
        const batch = result.prepared;
        prepared += batch.length;
        const outcomes = rules.applies ? await rules.beforeStoring(batch) : undefined;
        batch.forEach((row, i) => {
          for (const refusal of outcomes?.[i]?.refusals ?? []) {
            const unit = String(refusal.details.unit ?? '');
            const field = row.facts?.record.outputs.items.includes(unit) ? 'codes' : 'lot';
            report([{ row: row.row, column: columnOf(field, stage, map), field, reason: refusal.reason }]);
            if (refusedAlerts.length < MAX_REPORTED_ISSUES) refusedAlerts.push(alertOf(refusal, row));
          }
        });
        if (issues.length > 0) {
          if (writer) await writer.rollback();
          writer = undefined;
          return;
        }
        writer ??= await openImportWriter(deps.db);
        const storedIds = await writer.write(batch, outcomes ? outcomes.flatMap((o) => o.claims) : []);
        batch.forEach((row, i) => {
          // A row repeated within the batch is stored once: the first one counts.
          if (!storedIds.delete(row.event.eventId)) return;
          stored++;
          for (const flag of outcomes?.[i]?.flags ?? []) alerts.push(alertOf(flag, row));
          if (rules.applies) toCheckAfter.push(row);
        });
      };

      const queue: Array<Promise<ChunkResult>> = [];
      try {
        const inFlight = Math.max(1, workers * 2);
        for await (const work of chunks) {
          queue.push(prepare.run(work));
          // The queue is consumed in file order, so that the ledger keeps the file's order.
          while (queue.length >= inFlight) await consume(await (queue.shift() ?? Promise.reject(new Error('empty queue'))));
        }
        while (queue.length > 0) await consume(await (queue.shift() ?? Promise.reject(new Error('empty queue'))));

        if (rows === 0 && issues.length === 0) report([{ row: 2, column: '', field: '', reason: '文件没有数据行 / the file has no data rows' }]);
        if (issues.length > 0) {
          if (writer) await writer.rollback();
          writer = undefined;
          // A refused attempt is itself a signal for the regulator, as when a single record is refused.
          await deps.alerts.add(refusedAlerts);
          throw refusal(issues, moreIssues);
        }
        writer ??= await openImportWriter(deps.db);
        const committing = writer;
        writer = undefined;
        await committing.commit({
          captureId: context.captureId, createdAt: context.recordTime, finishedAt: deps.now().toISOString(), status: 'success', eventCount: prepared, storedCount: stored, errors: [],
        });
        timings.committedMs = performance.now() - started;
        await prepare.checkpoint();
        timings.checkpointMs = performance.now() - started - timings.committedMs;
      } catch (err) {
        // Chunks still on their way fail when the workers stop; nothing waits for them any more.
        for (const pending of queue) pending.catch(() => {});
        if (writer) await writer.rollback();
        throw err;
      } finally {
        await prepare.close();
      }

      for (const row of toCheckAfter) for (const flag of await rules.afterStoring(row)) alerts.push(alertOf(flag, row));
      await deps.alerts.add(alerts);
      const listed = alerts.slice(0, MAX_REPORTED_ISSUES).map((a) => ({ row: Number(a.details.row), rule: a.rule, message: a.message }));
      return {
        captureId: context.captureId, rows, stored, skipped: prepared - stored, alerts: listed,
        ...(alerts.length > listed.length ? { moreAlerts: alerts.length - listed.length } : {}),
        timings,
      };
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

/** The error of a file that was not imported: every problem found, by row and column. */
function refusal(issues: RowIssue[], more: number): DomainError {
  const total = issues.length + more;
  const listed = issues.slice(0, 5).map((i) => `第${i.row}行 row ${i.row}${i.column ? `，${i.column}` : ''}: ${i.reason}`).join('; ');
  return new DomainError(
    'invalid_record',
    `文件有${total}处错误，未导入任何记录 / the file has ${total} problem${total === 1 ? '' : 's'}; nothing was imported. ${listed}${total > 5 ? '; …' : ''}`,
    { errors: issues, ...(more > 0 ? { more } : {}) },
  );
}

export type Importer = ReturnType<typeof createImporter>;
