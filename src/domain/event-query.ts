import { shortCbv } from './cbv.js';
import { DomainError } from './errors.js';
import { EVENT_TYPES, utcMillis } from './event.js';
import { parseUnitId } from './ids/unit-id.js';

/** An identifier to match: an exact canonical id, or every id under a prefix (an EPC pattern `…*`). */
export type EpcMatch = { exact: string } | { prefix: string };

/** The EPCIS 2.0 SimpleEventQuery parameters the platform answers (EPCIS 2.0 §8.2.7.1), already normalised. */
export interface EventQuery {
  eventTypes?: string[];
  geEventTime?: string;
  ltEventTime?: string;
  geRecordTime?: string;
  ltRecordTime?: string;
  bizSteps?: string[];
  dispositions?: string[];
  actions?: string[];
  readPoints?: string[];
  bizLocations?: string[];
  eventIds?: string[];
  matchEpc?: EpcMatch[];
  matchAnyEpc?: EpcMatch[];
  matchParentId?: EpcMatch[];
  matchInputEpc?: EpcMatch[];
  matchOutputEpc?: EpcMatch[];
  matchEpcClass?: EpcMatch[];
  matchAnyEpcClass?: EpcMatch[];
  perPage: number;
  /** Only events stored after this ledger position (from a nextPageToken). */
  afterSeq?: number;
}

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 1000;

type Parser = (query: EventQuery, values: string[], name: string) => void;

const PARSERS: Record<string, Parser> = {
  eventType: (q, v, name) => {
    for (const type of v) {
      if (!(EVENT_TYPES as readonly string[]).includes(type)) {
        throw new DomainError('invalid_query', `${name}: "${type}" is not an EPCIS event type (${EVENT_TYPES.join(', ')})`);
      }
    }
    q.eventTypes = v;
  },
  GE_eventTime: (q, v, name) => (q.geEventTime = time(v, name)),
  LT_eventTime: (q, v, name) => (q.ltEventTime = time(v, name)),
  GE_recordTime: (q, v, name) => (q.geRecordTime = time(v, name)),
  LT_recordTime: (q, v, name) => (q.ltRecordTime = time(v, name)),
  EQ_bizStep: (q, v) => (q.bizSteps = v.map((s) => shortCbv('bizStep', s))),
  EQ_disposition: (q, v) => (q.dispositions = v.map((s) => shortCbv('disposition', s))),
  EQ_action: (q, v, name) => {
    for (const action of v) {
      if (!['ADD', 'OBSERVE', 'DELETE'].includes(action)) throw new DomainError('invalid_query', `${name}: "${action}" is not ADD, OBSERVE or DELETE`);
    }
    q.actions = v;
  },
  EQ_readPoint: (q, v, name) => (q.readPoints = v.map((s) => canonical(s, name))),
  EQ_bizLocation: (q, v, name) => (q.bizLocations = v.map((s) => canonical(s, name))),
  EQ_eventID: (q, v) => (q.eventIds = v),
  MATCH_epc: (q, v, name) => (q.matchEpc = v.map((s) => match(s, name))),
  MATCH_anyEPC: (q, v, name) => (q.matchAnyEpc = v.map((s) => match(s, name))),
  MATCH_parentID: (q, v, name) => (q.matchParentId = v.map((s) => match(s, name))),
  MATCH_inputEPC: (q, v, name) => (q.matchInputEpc = v.map((s) => match(s, name))),
  MATCH_outputEPC: (q, v, name) => (q.matchOutputEpc = v.map((s) => match(s, name))),
  MATCH_epcClass: (q, v, name) => (q.matchEpcClass = v.map((s) => match(s, name))),
  MATCH_anyEPCClass: (q, v, name) => (q.matchAnyEpcClass = v.map((s) => match(s, name))),
  perPage: (q, v, name) => {
    const n = Number(v[0]);
    if (v.length !== 1 || !Number.isInteger(n) || n < 1 || n > MAX_PER_PAGE) {
      throw new DomainError('invalid_query', `${name} must be a whole number from 1 to ${MAX_PER_PAGE}`);
    }
    q.perPage = n;
  },
  nextPageToken: (q, v, name) => (q.afterSeq = pageTokenSeq(v[0] ?? '', name)),
};

/** The query parameter names the platform understands, for documentation and for rejecting the rest. */
export const EVENT_QUERY_PARAMETERS = Object.keys(PARSERS);

/**
 * Reads EPCIS REST query parameters. Values may list alternatives separated by `|` (EPCIS 2.0 §12.7.2).
 * Unknown parameters are refused rather than ignored, so a misspelt filter never returns the whole ledger.
 */
export function parseEventQuery(params: Readonly<Record<string, string | undefined>>): EventQuery {
  const query: EventQuery = { perPage: DEFAULT_PER_PAGE };
  for (const [name, raw] of Object.entries(params)) {
    if (raw === undefined) continue;
    const parse = PARSERS[name];
    if (!parse) {
      throw new DomainError('unknown_query_parameter', `unknown query parameter "${name}"; supported: ${EVENT_QUERY_PARAMETERS.join(', ')}`, { parameter: name });
    }
    const values = raw.split('|').map((s) => s.trim()).filter((s) => s !== '');
    if (values.length === 0) throw new DomainError('invalid_query', `${name} has no value`);
    parse(query, values, name);
  }
  return query;
}

/** The opaque token for the page after ledger position `seq`. */
export function pageTokenAfter(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

function pageTokenSeq(token: string, name: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match?.[1]) throw new DomainError('invalid_query', `${name} is not a token this server issued`);
  return Number(match[1]);
}

function time(values: string[], name: string): string {
  const value = utcMillis(values[0]);
  if (values.length !== 1 || !value || !/^\d{4}-\d\d-\d\dT/.test(values[0] ?? '')) {
    throw new DomainError('invalid_query', `${name} must be one ISO 8601 date-time, e.g. 2026-01-31T08:00:00+08:00`);
  }
  return value;
}

function canonical(value: string, name: string): string {
  try {
    return parseUnitId(value).canonical;
  } catch (err) {
    throw new DomainError('invalid_query', `${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// EPC Tag Data Standard §8: a pattern URI `urn:epc:idpat:sgtin:0614141.*.*` matches the ids that share its literal head.
function match(value: string, name: string): EpcMatch {
  const pattern = /^urn:epc:idpat:([a-z0-9]+):([^*]*)\*/.exec(value);
  if (pattern) return { prefix: `urn:epc:id:${pattern[1]}:${pattern[2]}` };
  return { exact: canonical(value, name) };
}
