import type { AuditActor } from '../../domain/audit/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { SectorProfile, StageDef } from '../../domain/sectors/profile.js';
import type { RuleOutcome } from '../../domain/sectors/rules.js';
import type { Alert, AlertStore } from '../../store/alert-store.js';
import type { Db } from '../../store/db.js';
import { columnOf, type HeaderMap } from './columns.js';
import type { ImportRules } from './import-rules.js';
import { openImportWriter, type ImportWriter } from './import-writer.js';
import type { ImportContext, PreparedRow, RowIssue } from './prepare-rows.js';
import type { ChunkResult } from './prepare-work.js';

/** At most this many problems (and alerts) are listed; the rest are counted. */
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

/** The error of a file that was not imported: every problem found, by row and column. */
export function refusal(issues: RowIssue[], more: number): DomainError {
  const total = issues.length + more;
  const listed = issues.slice(0, 5).map((i) => `第${i.row}行 row ${i.row}${i.column ? `，${i.column}` : ''}: ${i.reason}`).join('; ');
  return new DomainError(
    'invalid_record',
    `文件有${total}处错误，未导入任何记录 / the file has ${total} problem${total === 1 ? '' : 's'}; nothing was imported. ${listed}${total > 5 ? '; …' : ''}`,
    { errors: issues, ...(more > 0 ? { more } : {}) },
  );
}

/**
 * One import as its prepared chunks come in, in file order: problems are gathered (at most MAX_REPORTED_ISSUES),
 * the rules are applied, and while no problem has been found the rows go into the import's transaction; the first
 * problem rolls it back, and the rest of the file is only checked.
 */
export function createImportRun(deps: {
  db: Db;
  alerts: AlertStore;
  rules: ImportRules;
  profile: SectorProfile;
  stage: StageDef;
  map: HeaderMap;
  context: ImportContext;
  now: () => Date;
  newId: () => string;
  /** The USCC of the enterprise that imports: every row must be its own record (checkActsFor). */
  actsFor?: string;
}) {
  const { rules, stage, map, context } = deps;
  const issues: RowIssue[] = [];
  let moreIssues = 0;
  const refusedAlerts: Alert[] = [];
  const alerts: Alert[] = [];
  const toCheckAfter: PreparedRow[] = [];
  let writer: ImportWriter | undefined;
  const counts = { rows: 0, prepared: 0, stored: 0 };

  const report = (found: RowIssue[]) => {
    for (const issue of found) {
      if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
      else moreIssues++;
    }
  };
  const alertOf = (outcome: Extract<RuleOutcome, { kind: 'flag' | 'reject' }>, row: PreparedRow): Alert => {
    const unit = typeof outcome.details.unit === 'string' ? outcome.details.unit : undefined;
    return {
      alertId: deps.newId(), rule: outcome.rule, sector: deps.profile.id, message: outcome.kind === 'flag' ? outcome.message : outcome.reason,
      details: { ...outcome.details, row: row.row }, raisedAt: deps.now().toISOString(), status: 'open', party: row.record.party, recordId: row.record.recordId,
      ...(unit ? { unitId: unit } : {}),
    };
  };
  const foreignRow = (row: PreparedRow, own: string): RowIssue => {
    const party = row.record.party;
    return { row: row.row, column: columnOf('party', stage, map), field: 'party', reason: `只能为本企业（${own}）导入记录，不能代${party}导入 / you import for ${own} only, not for ${party}` };
  };
  const abandon = async () => {
    const open = writer;
    writer = undefined;
    if (open) await open.rollback();
  };

  return {
    /** Takes the next chunk of the file. */
    async consume(result: ChunkResult): Promise<void> {
      counts.rows += result.count;
      report(result.issues);
      const batch = result.prepared;
      counts.prepared += batch.length;
      if (deps.actsFor) report(batch.flatMap((row) => (row.record.party === deps.actsFor ? [] : [foreignRow(row, deps.actsFor ?? '')])));
      const outcomes = rules.applies ? await rules.beforeStoring(batch) : undefined;
      batch.forEach((row, i) => {
        for (const refused of outcomes?.[i]?.refusals ?? []) {
          const field = row.facts?.record.outputs.items.includes(String(refused.details.unit)) ? 'codes' : 'lot';
          report([{ row: row.row, column: columnOf(field, stage, map), field, reason: refused.reason }]);
          if (refusedAlerts.length < MAX_REPORTED_ISSUES) refusedAlerts.push(alertOf(refused, row));
        }
      });
      if (issues.length > 0) return abandon();
      writer ??= await openImportWriter(deps.db);
      const storedIds = await writer.write(batch, outcomes ? outcomes.flatMap((o) => o.claims) : []);
      batch.forEach((row, i) => {
        // A row repeated within the batch is stored once: the first one counts.
        if (!storedIds.delete(row.event.eventId)) return;
        counts.stored++;
        for (const flag of outcomes?.[i]?.flags ?? []) alerts.push(alertOf(flag, row));
        if (rules.applies) toCheckAfter.push(row);
      });
    },

    /**
     * After the last chunk: commits, with the audit entry of `actor`'s import, or rolls back and throws
     * `invalid_record` with every problem found.
     */
    async commit(actor: AuditActor): Promise<void> {
      if (counts.rows === 0 && issues.length === 0) report([{ row: 2, column: '', field: '', reason: '文件没有数据行 / the file has no data rows' }]);
      if (issues.length > 0) {
        await abandon();
        // A refused attempt is itself a signal for the regulator, as when a single record is refused.
        await deps.alerts.add(refusedAlerts);
        throw refusal(issues, moreIssues);
      }
      const committing = writer ?? (await openImportWriter(deps.db));
      writer = undefined;
      await committing.commit({
        captureId: context.captureId, createdAt: context.recordTime, finishedAt: deps.now().toISOString(), status: 'success',
        eventCount: counts.prepared, storedCount: counts.stored, errors: [],
      }, { actor, details: { sector: context.sector, stage: context.stage, profileVersion: context.profileVersion, rows: counts.rows } });
    },

    /** Rolls back what was written, when the import stops for another reason than its rows. */
    abandon,

    /** After the commit: the rules that look at the ledger with the rows in it, and the alerts of the import. */
    async result(timings: ImportResult['timings']): Promise<ImportResult> {
      for (const row of toCheckAfter) for (const flag of await rules.afterStoring(row)) alerts.push(alertOf(flag, row));
      await deps.alerts.add(alerts);
      const listed = alerts.slice(0, MAX_REPORTED_ISSUES).map((a) => ({ row: Number(a.details.row), rule: a.rule, message: a.message }));
      return {
        captureId: context.captureId, rows: counts.rows, stored: counts.stored, skipped: counts.prepared - counts.stored, alerts: listed,
        ...(alerts.length > listed.length ? { moreAlerts: alerts.length - listed.length } : {}),
        timings,
      };
    },
  };
}
