import { indexEvent, memoisedCanonicalId } from '../../domain/event.js';
import { contextNamespaces } from '../../domain/event-hash.js';
import type { RecordIssue } from '../../domain/sectors/check-elements.js';
import { findStage, type SectorProfile, type StageDef } from '../../domain/sectors/profile.js';
import { RECORD_CONTEXT, sealedRecordEvent, type ResolvedRecord } from '../../domain/sectors/record-events.js';
import { toEventRecord, type EventRecord } from '../../store/event-rows.js';
import type { SectorRecordRow } from '../../store/sector-record-store.js';
import { resolveRecord, type Lookups } from '../records/resolve-record.js';
import { columnOf, matchHeader, type HeaderMap } from './columns.js';
import { isBlankRow, rowToInput } from './row-input.js';

/** A problem with one row (or the header, row 1) of a file: where it is, which record field, and why. */
export interface RowIssue {
  /** The row as the spreadsheet shows it; the header is row 1. */
  row: number;
  /** The column header, as the file writes it (or as the template does, for a column the file lacks). */
  column: string;
  field: string;
  reason: string;
}

/** What the sector rules of a stage need to know about a row, for the checks that read the ledger. */
export interface RuleFacts {
  /** The resolved record without its stage, which the reader of the facts has. */
  record: Omit<ResolvedRecord, 'stage'>;
  units: string[];
  productId?: string;
  quantity?: number;
  uom?: string;
}

/** A row ready to store: its event (as the ledger stores it), its sector record, and what its rules need. */
export interface PreparedRow {
  row: number;
  event: EventRecord;
  record: SectorRecordRow;
  /** Present for stages that have rules. */
  facts?: RuleFacts;
}

/** What every row of one import shares. */
export interface ImportContext {
  sector: string;
  stage: string;
  profileVersion: number;
  /** The header row as the file writes it. */
  header: string[];
  /** The record time of every event, and the time its sector record is kept as recorded. */
  recordTime: string;
  captureId: string;
  /** The stage has rules, so rows carry their facts to the rule checks. */
  withFacts: boolean;
}

// A record's event as record-capture.ts captures it: stored with the prefixes of the document that carries it.
const DOCUMENT_NAMESPACES = contextNamespaces(RECORD_CONTEXT);

/** The `namespaces` of every imported event's row, as JSON. */
export const DOCUMENT_NAMESPACES_JSON = JSON.stringify(DOCUMENT_NAMESPACES);

/**
 * Turns rows of a file into events and sector records, checking each as `POST /api/v1/records` would
 * (`resolveRecord`): pure work and cached lookups, so that it can run on several threads at once.
 */
export async function createRowPreparer(deps: { lookups: Lookups }, ctx: ImportContext) {
  const { profile, stage } = await profileStage(deps.lookups, ctx);
  const { map } = matchHeader(stage, ctx.header);
  // Ids repeat across rows (sites, parties, input lots): each is made canonical once per batch of rows.
  let canonical = memoisedCanonicalId();

  function issuesOf(row: number, issues: RecordIssue[], mapped: HeaderMap): RowIssue[] {
    return issues.map((i) => ({ row, column: columnOf(i.field, stage, mapped), field: i.field, reason: i.reason }));
  }

  async function prepareRow(cells: readonly string[], row: number, issues: RowIssue[]): Promise<PreparedRow | undefined> {
    const extra = cells.slice(map.columns.length).findIndex((c) => c.trim() !== '');
    if (extra >= 0) {
      issues.push({ row, column: '', field: '', reason: `第${map.columns.length + extra + 1}列有内容但没有列标题 / column ${map.columns.length + extra + 1} has a value but no header` });
    }
    const { input, issues: cellIssues } = rowToInput(cells, map, { sector: ctx.sector, stage: ctx.stage });
    input.profileVersion = ctx.profileVersion;
    const resolution = await resolveRecord(input, deps.lookups);
    if (!resolution.ok || cellIssues.length > 0) {
      const reported = new Set(cellIssues.map((i) => i.field));
      const found = resolution.ok ? [] : resolution.issues.filter((i) => !reported.has(i.field));
      issues.push(...issuesOf(row, [...cellIssues, ...found], map));
      return undefined;
    }
    const { record, units } = resolution.resolved;
    const { event, eventId, recordId } = sealedRecordEvent(record);
    event.recordTime = ctx.recordTime;
    // The units were made canonical when the record was resolved; the rest (site, parties) repeat from row to row.
    const known = new Set([...units, ...record.inputs.lots.map((l) => l.lot), ...record.inputs.items]);
    const indexed = indexEvent(event, { eventId, recordTime: ctx.recordTime, namespaces: DOCUMENT_NAMESPACES, canonicalise: (id) => (known.has(id) ? id : canonical(id)) });
    if (!indexed.event) {
      issues.push(...issuesOf(row, indexed.issues, map));
      return undefined;
    }
    const { productId, quantity, uom } = resolution.resolved;
    const stored: SectorRecordRow = {
      recordId, sector: profile.id, stage: stage.id, profileVersion: profile.version, party: record.party, region: record.region,
      eventTime: indexed.event.eventTime, eventId, recordedAt: ctx.recordTime,
      ...(record.counterpart ? { counterpart: record.counterpart } : {}),
      ...(productId ? { productId } : {}),
      ...(quantity !== undefined ? { quantity } : {}),
      ...(uom ? { uom } : {}),
    };
    const prepared: PreparedRow = { row, event: toEventRecord(indexed.event, ctx.captureId), record: stored };
    if (ctx.withFacts) {
      prepared.facts = {
        record: withoutStage(record), units,
        ...(productId ? { productId } : {}),
        ...(quantity !== undefined ? { quantity } : {}),
        ...(uom ? { uom } : {}),
      };
    }
    return prepared;
  }

  return {
    stage,
    /** Prepares rows in file order; `rowOf(i)` is the spreadsheet row of `rows[i]`. Blank rows are skipped. */
    async prepare(rows: readonly string[][], rowOf: (i: number) => number): Promise<{ prepared: PreparedRow[]; issues: RowIssue[]; count: number }> {
      canonical = memoisedCanonicalId();
      const prepared: PreparedRow[] = [];
      const issues: RowIssue[] = [];
      let count = 0;
      for (let i = 0; i < rows.length; i++) {
        const cells = rows[i] ?? [];
        if (isBlankRow(cells)) continue;
        count++;
        const row = await prepareRow(cells, rowOf(i), issues);
        if (row) prepared.push(row);
      }
      return { prepared, issues, count };
    },
  };
}

function withoutStage(record: ResolvedRecord): Omit<ResolvedRecord, 'stage'> {
  const { sector, profileVersion, party, site, region, time, outputs, inputs, elements, counterpart, counterpartSite, product, reference } = record;
  return {
    sector, profileVersion, party, site, region, time, outputs, inputs, elements,
    ...(counterpart !== undefined ? { counterpart } : {}),
    ...(counterpartSite !== undefined ? { counterpartSite } : {}),
    ...(product !== undefined ? { product } : {}),
    ...(reference !== undefined ? { reference } : {}),
  };
}

async function profileStage(lookups: Lookups, ctx: ImportContext): Promise<{ profile: SectorProfile; stage: StageDef }> {
  const profile = await lookups.profile(ctx.sector, ctx.profileVersion);
  const stage = profile && findStage(profile, ctx.stage);
  if (!profile || !stage) throw new Error(`sector ${ctx.sector} v${ctx.profileVersion} has no stage ${ctx.stage}`);
  return { profile, stage };
}

export type RowPreparer = Awaited<ReturnType<typeof createRowPreparer>>;
