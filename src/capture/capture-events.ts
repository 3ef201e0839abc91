import { randomUUID } from 'node:crypto';
import { SEES_ALL } from '../domain/access/sight.js';
import { SYSTEM_ACTOR, type AuditActor } from '../domain/audit/actor.js';
import { DomainError } from '../domain/errors.js';
import { isObject } from '../domain/event.js';
import { namespaceOf } from '../domain/event-hash/namespaces.js';
import type { Alongside, CaptureJob, ErrorDeclarationRecord, EventStore } from '../store/event-store.js';
import type { EventRecord } from '../store/event-rows.js';
import { eventHashId } from '../domain/event-hash.js';
import { clashReason, prepareCapture, type JsonText, type PreparedCapture, type PreparedEvent } from './prepare-capture.js';
import { describeIssues, type DocumentIssue } from './validate-document.js';

/** The capture side of the ledger: validate → normalise → hash → dedupe → store. */
export function createCapture(deps: { events: EventStore; now: () => Date; newCaptureId?: () => string }) {
  const newCaptureId = deps.newCaptureId ?? randomUUID;

  async function capture(input: { json: JsonText } | { value: unknown }, kind: 'document' | 'event', actor: AuditActor, alongside?: Alongside): Promise<{ job: CaptureJob; eventIds: string[] }> {
    const recordTime = deps.now().toISOString();
    const captureId = newCaptureId();
    const prepared = prepareCapture(input, kind, { recordTime, captureId });
    if (!prepared.ok) throw refusal(prepared);
    if (actor.enterprise) refuseForeignRecords(prepared.events, actor.enterprise);

    const eventIds = prepared.events.map((e) => e.eventId);
    await refuseClashingIds(prepared.events);
    // Duplicates are skipped by the store itself; only a declaration needs to know beforehand whether its event exists.
    const known = await deps.events.existingIds(prepared.events.flatMap((e) => (e.declaration ? [e.eventId] : [])));
    const records: EventRecord[] = [];
    const declarations: ErrorDeclarationRecord[] = [];
    const seenHere = new Set<string>();
    for (const event of prepared.events) {
      // EPCIS 2.0 §7.4.1.2: an error declaration names the original by its eventID; the original stays as it was.
      if (event.declaration && (known.has(event.eventId) || seenHere.has(event.eventId))) {
        const original = known.has(event.eventId) ? await deps.events.find(event.eventId, SEES_ALL) : undefined;
        if (original && actor.enterprise && original.recorder !== actor.enterprise) throw foreignDeclaration(event, actor.enterprise);
        declarations.push(original ? inTermsOf(event.declaration, namespacesOf(event.record), original.namespaces) : event.declaration);
        continue;
      }
      seenHere.add(event.eventId);
      records.push(event.record);
    }
    const job: CaptureJob = {
      captureId,
      createdAt: recordTime,
      finishedAt: deps.now().toISOString(),
      status: 'success',
      eventCount: prepared.events.length,
      storedCount: 0,
      errors: [],
    };
    const { storedEventIds } = await deps.events.append({ events: records, declarations, job, actor, ...(alongside ? { alongside } : {}) });
    return { job: { ...job, storedCount: storedEventIds.length }, eventIds };
  }

  // An enterprise captures its own records only: an event that says another enterprise recorded it is refused whole.
  function refuseForeignRecords(events: PreparedEvent[], own: string): void {
    const foreign: DocumentIssue[] = events.flatMap((e) => {
      const recorder = e.record.scope.recorder;
      return recorder && recorder !== own
        ? [{ index: e.index, field: 'zhuisu:party', reason: `只能记录本企业（${own}）的事件，不能代${recorder}记录 / you record for ${own} only, not for ${recorder}` }]
        : [];
    });
    if (foreign.length > 0) throw new DomainError('forbidden', describeIssues(foreign), { errors: foreign });
  }

  // An event that brings the eventID of a stored event must be that event again, not another one under its name.
  async function refuseClashingIds(events: PreparedEvent[]): Promise<void> {
    const ownIds = events.filter((e) => e.contentHash !== undefined && !e.declaration);
    if (ownIds.length === 0) return;
    const stored = await deps.events.existingIds(ownIds.map((e) => e.eventId));
    const clashes: DocumentIssue[] = [];
    for (const event of ownIds) {
      if (!stored.has(event.eventId)) continue;
      const original = await deps.events.find(event.eventId, SEES_ALL);
      if (original && eventHashId(withoutDeclaration(original.body), original.namespaces) !== event.contentHash) {
        clashes.push({ index: event.index, field: 'eventID', reason: clashReason('an event already in the ledger') });
      }
    }
    if (clashes.length > 0) throw new DomainError('event_id_conflict', describeIssues(clashes), { errors: clashes });
  }

  // Each entry point takes who sends the capture, for the audit entry stored with it (the platform itself when absent).
  return {
    /**
     * Captures an EPCISDocument (or EPCISQueryDocument) atomically: every event is stored or none is.
     * Throws `invalid_document` listing every bad event and field.
     */
    async captureDocument(document: unknown, actor: AuditActor = SYSTEM_ACTOR): Promise<CaptureJob> {
      return (await capture({ value: document }, 'document', actor)).job;
    },

    /**
     * Captures a document together with writes that belong to it (`alongside`, run in the same transaction), and
     * gives the eventIDs of its events in document order.
     */
    async captureWith(document: unknown, alongside: Alongside, actor: AuditActor = SYSTEM_ACTOR): Promise<{ job: CaptureJob; eventIds: string[] }> {
      return capture({ value: document }, 'document', actor, alongside);
    },

    /** The same from the document's JSON (text or UTF-8 bytes), which a large document is parsed from off the main thread. */
    async captureDocumentJson(json: JsonText, actor: AuditActor = SYSTEM_ACTOR): Promise<CaptureJob> {
      return (await capture({ json }, 'document', actor)).job;
    },

    /** Captures one event (parsed, or as JSON); `created` is false when the ledger already held it. */
    async captureEvent(input: { value: unknown } | { json: JsonText }, actor: AuditActor = SYSTEM_ACTOR): Promise<{ eventId: string; created: boolean }> {
      const { job, eventIds } = await capture(input, 'event', actor);
      return { eventId: eventIds[0] ?? '', created: job.storedCount === 1 };
    },
  };
}

export type Capture = ReturnType<typeof createCapture>;

function refusal(prepared: Extract<PreparedCapture, { ok: false }>): DomainError {
  if ('unreadable' in prepared) {
    const { unreadable } = prepared;
    return new DomainError('invalid_request', unreadable.reason, unreadable.field === undefined ? undefined : { errors: [unreadable] });
  }
  return new DomainError(prepared.kind === 'document' ? 'invalid_document' : 'invalid_event', describeIssues(prepared.issues), { errors: prepared.issues });
}

// Only the enterprise that recorded an event may declare it wrong (EPCIS 2.0 §7.4.1.2): a declaration changes what
// everyone reads of the event.
function foreignDeclaration(event: PreparedEvent, own: string): DomainError {
  const issue: DocumentIssue = { index: event.index, field: 'errorDeclaration', reason: `只能更正本企业（${own}）记录的事件 / you may declare errors only in events that ${own} recorded` };
  return new DomainError('forbidden', describeIssues([issue]), { errors: [issue] });
}

function withoutDeclaration(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'errorDeclaration'));
}

function namespacesOf(record: EventRecord): Record<string, string> {
  const parsed: unknown = JSON.parse(String(record.row.namespaces));
  return isObject(parsed) ? Object.fromEntries(Object.entries(parsed).flatMap(([p, iri]) => (typeof iri === 'string' ? [[p, iri]] : []))) : {};
}

// A declaration is returned inside its event, under the event's @context. When the declaring document bound a prefix
// differently from the event's document, its keys with that prefix are stored as full IRIs so they keep their meaning.
function inTermsOf(declaration: ErrorDeclarationRecord, declaredWith: Record<string, string>, eventWith: Record<string, string>): ErrorDeclarationRecord {
  const rename = (key: string): string => {
    const colon = key.indexOf(':');
    const namespace = colon > 0 ? namespaceOf(key.slice(0, colon), declaredWith) : undefined;
    return namespace !== undefined && namespace !== namespaceOf(key.slice(0, colon), eventWith) ? namespace + key.slice(colon + 1) : key;
  };
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!isObject(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [rename(key), rewrite(inner)]));
  };
  const body = rewrite(declaration.body);
  return { ...declaration, body: isObject(body) ? body : declaration.body };
}
