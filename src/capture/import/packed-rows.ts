import type { EventEpc, EpcRole } from '../../domain/event.js';
import type { ImportContext, PreparedRow, RuleFacts } from './prepare-rows.js';
import { recordIdOf } from '../../domain/sectors/record-events.js';

/**
 * Prepared rows as they cross from a worker thread to the writer: every value as a slice of one string, so that the
 * writer's thread takes a batch in one copy and reads each value as a slice of it, instead of rebuilding tens of
 * thousands of objects and strings (which took it longer than storing them).
 */
export interface PackedRows {
  count: number;
  text: string;
  /** End of each value in `text`; a value starts where the one before it ends. */
  ends: Uint32Array;
  /** 1 for a value, 0 for none (SQL NULL, an absent field). */
  present: Uint8Array;
}

/** What is the same for every row of one import, which the packed rows leave out. */
export type PackContext = Pick<ImportContext, 'sector' | 'stage' | 'profileVersion' | 'recordTime' | 'captureId'> & { namespaces: string };

type Value = string | number | null | undefined;

export function packRows(rows: readonly PreparedRow[]): PackedRows {
  const parts: string[] = [];
  let ends = new Uint32Array(rows.length * 32 + 16);
  let present = new Uint8Array(ends.length);
  let count = 0;
  let length = 0;
  const put = (value: Value) => {
    if (count === ends.length) {
      const grown = new Uint32Array(ends.length * 2);
      grown.set(ends);
      ends = grown;
      const flags = new Uint8Array(grown.length);
      flags.set(present);
      present = flags;
    }
    if (value === null || value === undefined) {
      ends[count++] = length;
      return;
    }
    const text = typeof value === 'string' ? value : String(value);
    parts.push(text);
    length += text.length;
    present[count] = 1;
    ends[count++] = length;
  };
  for (const { row, event, record, facts } of rows) {
    const r = event.row;
    put(row); put(event.eventId); put(r.eventKey); put(r.eventType); put(event.eventTime); put(r.eventTimeZoneOffset); put(r.action);
    put(r.bizStep); put(r.disposition); put(r.readPoint); put(r.bizLocation); put(r.transformationId); put(r.identifiers); put(r.parties);
    put(r.body); put(record.party); put(record.counterpart); put(record.productId); put(record.region); put(record.quantity); put(record.uom);
    put(event.epcs.length);
    for (const x of event.epcs) {
      put(x.epc); put(x.role); put(x.isClass ? 1 : 0); put(x.quantity); put(x.uom);
    }
    put(facts ? JSON.stringify(facts) : undefined);
  }
  return { count: rows.length, text: parts.join(''), ends: ends.slice(0, count), present: present.slice(0, count) };
}

const ROLES: readonly EpcRole[] = ['object', 'parent', 'child', 'input', 'output'];

function roleOf(text: string): EpcRole {
  const role = ROLES.find((r) => r === text);
  if (!role) throw new Error(`packed rows hold an unknown role ${text}`);
  return role;
}

export function unpackRows(packed: PackedRows, ctx: PackContext): PreparedRow[] {
  const { text, ends, present } = packed;
  let i = 0;
  let start = 0;
  const next = (): string | undefined => {
    const end = ends[i] ?? start;
    const value = present[i] === 1 ? text.slice(start, end) : undefined;
    start = end;
    i++;
    return value;
  };
  const str = (): string => next() ?? '';
  const num = (): number | undefined => {
    const value = next();
    return value === undefined ? undefined : Number(value);
  };
  const rows: PreparedRow[] = [];
  for (let n = 0; n < packed.count; n++) {
    const row = num() ?? 0;
    const eventId = str();
    const eventKey = num() ?? 0;
    const eventType = str();
    const eventTime = str();
    const eventTimeZoneOffset = str();
    const action = next() ?? null;
    const bizStep = next() ?? null;
    const disposition = next() ?? null;
    const readPoint = next() ?? null;
    const bizLocation = next() ?? null;
    const transformationId = next() ?? null;
    const identifiers = str();
    const parties = str();
    const body = str();
    const party = str();
    const counterpart = next();
    const productId = next();
    const region = str();
    const quantity = num();
    const uom = next();
    const epcs: EventEpc[] = [];
    const epcCount = num() ?? 0;
    for (let e = 0; e < epcCount; e++) {
      const epc: EventEpc = { epc: str(), role: roleOf(str()), isClass: num() === 1 };
      const q = num();
      const u = next();
      if (q !== undefined) epc.quantity = q;
      if (u !== undefined) epc.uom = u;
      epcs.push(epc);
    }
    const factsJson = next();
    const prepared: PreparedRow = {
      row,
      event: {
        eventId, eventTime, epcs,
        // A record event names its recorder and at most its counterpart (record-events.ts custody), as the record does.
        scope: { recorder: party, region, sector: ctx.sector, parties: counterpart !== undefined && counterpart !== party ? [party, counterpart] : [party] },
        row: {
          eventId, eventKey, eventType, eventTime, eventTimeZoneOffset, recordTime: ctx.recordTime, action, bizStep, disposition, readPoint, bizLocation,
          transformationId, identifiers, parties, body, namespaces: ctx.namespaces, captureId: ctx.captureId,
        },
      },
      record: {
        recordId: recordIdOf(eventId), sector: ctx.sector, stage: ctx.stage, profileVersion: ctx.profileVersion, party, region, eventTime, eventId, recordedAt: ctx.recordTime,
        ...(counterpart !== undefined ? { counterpart } : {}),
        ...(productId !== undefined ? { productId } : {}),
        ...(quantity !== undefined ? { quantity } : {}),
        ...(uom !== undefined ? { uom } : {}),
      },
    };
    if (factsJson !== undefined) prepared.facts = parseFacts(factsJson);
    rows.push(prepared);
  }
  return rows;
}

function parseFacts(json: string): RuleFacts {
  const facts: RuleFacts = JSON.parse(json);
  return facts;
}
