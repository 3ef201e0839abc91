import { indexEvent, isObject, memoisedCanonicalId, type JsonObject } from '../domain/event.js';
import { contentHashOfHashId, contextNamespaces, eventContentHash, eventHashId } from '../domain/event-hash.js';
import type { ErrorDeclarationRecord } from '../store/event-store.js';
import { toEventRecord, type EventRecord } from '../store/event-rows.js';
import { findUnstorableJson } from '../domain/json-limits.js';
import { validateEpcisDocument, validateEpcisEvent, type DocumentIssue } from './validate-document.js';

/** One captured event, ready to store: as a new event, or, if the ledger already has its eventID, as a declaration. */
export interface PreparedEvent {
  /** Position in the document's eventList. */
  index: number;
  eventId: string;
  /** For an event that brought its own eventID: the CBV 2.0 hash of its content, to tell a repeat from a clash. */
  contentHash?: string;
  record: EventRecord;
  /** Present when the event carries an errorDeclaration (EPCIS 2.0 §7.4.1.2). */
  declaration?: ErrorDeclarationRecord;
}

export type PreparedCapture =
  | { ok: true; events: PreparedEvent[] }
  /** The document or event breaks the EPCIS schema or names a bad identifier. */
  | { ok: false; kind: 'document' | 'event'; issues: DocumentIssue[] }
  /** The body is not JSON, or JSON that cannot be stored (too deep, a NUL character). */
  | { ok: false; unreadable: { field?: string; reason: string } };

/** A request body: JSON text, or its UTF-8 bytes as they came off the wire (decoded where the work is done). */
export type JsonText = string | Uint8Array;

// As a text body parser does: a malformed byte sequence becomes U+FFFD, and the JSON or schema check says what is wrong.
const UTF8 = new TextDecoder();

export interface PrepareContext {
  recordTime: string;
  captureId: string;
}

/**
 * All the work of a capture that needs no database: schema validation, JSON-LD namespaces, the CBV 2.0 event ID of
 * events without one, canonical identifiers, and the rows to store. Pure, so that it can run on a worker thread.
 * `input` is the request body, as JSON (text or bytes) or already parsed.
 */
export function prepareCapture(input: { json: JsonText } | { value: unknown }, kind: 'document' | 'event', ctx: PrepareContext): PreparedCapture {
  let value: unknown;
  if ('json' in input) {
    const text = typeof input.json === 'string' ? input.json : UTF8.decode(input.json);
    try {
      // An empty body is no document at all, which the schema says in its own words.
      value = text === '' ? undefined : JSON.parse(text);
    } catch (err) {
      return { ok: false, unreadable: { reason: `the body is not valid JSON: ${err instanceof Error ? err.message : String(err)}` } };
    }
  } else {
    value = input.value;
  }
  const unstorable = findUnstorableJson(value);
  if (unstorable) return { ok: false, unreadable: unstorable };

  let rawEvents: JsonObject[];
  let namespaces: Record<string, string>;
  if (kind === 'document') {
    const checked = validateEpcisDocument(value);
    if (!checked.ok) return { ok: false, kind, issues: checked.issues };
    const doc: JsonObject = checked.document;
    rawEvents = eventListOf(doc);
    namespaces = contextNamespaces(doc['@context']);
  } else {
    const checked = validateEpcisEvent(value);
    if (!checked.ok) return { ok: false, kind, issues: checked.issues };
    const event: JsonObject = checked.event;
    rawEvents = [event];
    namespaces = contextNamespaces(event['@context']);
  }

  const canonicalise = memoisedCanonicalId();
  const issues: DocumentIssue[] = [];
  const events: PreparedEvent[] = [];
  const firstWithId = new Map<string, { index: number; contentHash: string }>();
  rawEvents.forEach((raw, index) => {
    const contentHash = eventHashId(raw, namespaces);
    const eventId = typeof raw.eventID === 'string' ? raw.eventID : contentHash;
    const body: JsonObject = { ...raw, eventID: eventId, recordTime: ctx.recordTime };
    delete body['@context'];
    const indexed = indexEvent(body, { eventId, recordTime: ctx.recordTime, namespaces, canonicalise });
    if (!indexed.event) {
      for (const issue of indexed.issues) issues.push({ ...(kind === 'document' ? { index } : {}), eventType: String(raw.type), ...issue });
      return;
    }
    const record = toEventRecord(indexed.event, ctx.captureId);
    // The audit digest hashes the event as stored: without its own @context, whose prefixes the stored namespaces
    // (the document's) may lack. Only a document's event can carry one; a lone event's is the namespaces themselves.
    record.contentHash = kind === 'document' && raw['@context'] !== undefined ? eventContentHash(body, namespaces) : contentHashOfHashId(contentHash);
    const prepared: PreparedEvent = { index, eventId, record };
    if (eventId !== contentHash) prepared.contentHash = contentHash;
    const declaration = raw.errorDeclaration;
    if (isObject(declaration)) {
      prepared.declaration = { eventId, declarationTime: String(declaration.declarationTime), body: declaration };
      if (typeof declaration.reason === 'string') prepared.declaration.reason = declaration.reason;
    }
    const first = firstWithId.get(eventId);
    if (first && !prepared.declaration && first.contentHash !== contentHash) {
      issues.push({ ...(kind === 'document' ? { index } : {}), eventType: String(raw.type), field: 'eventID', reason: clashReason(`event ${first.index} of this document`) });
      return;
    }
    if (!first) firstWithId.set(eventId, { index, contentHash });
    events.push(prepared);
  });
  return issues.length > 0 ? { ok: false, kind, issues } : { ok: true, events };
}

/** Why an event cannot take an eventID that another event already has. */
export function clashReason(other: string): string {
  return `repeats the eventID of ${other} with different content; give each event its own eventID, or correct an event by sending it again with an errorDeclaration`;
}

function eventListOf(doc: JsonObject): JsonObject[] {
  const body = isObject(doc.epcisBody) ? doc.epcisBody : {};
  const results = isObject(body.queryResults) && isObject(body.queryResults.resultsBody) ? body.queryResults.resultsBody : body;
  return Array.isArray(results.eventList) ? results.eventList.filter(isObject) : [];
}
