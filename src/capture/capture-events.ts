import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import { indexEvent, isObject, memoisedCanonicalId, type JsonObject, type LedgerEvent } from '../domain/event.js';
import { contextNamespaces, eventHashId } from '../domain/event-hash.js';
import type { CaptureJob, ErrorDeclarationRecord, EventStore } from '../store/event-store.js';
import { describeIssues, validateEpcisDocument, validateEpcisEvent, type DocumentIssue } from './validate-document.js';

/** The capture side of the ledger: validate → normalise → hash → dedupe → store. */
export function createCapture(deps: { events: EventStore; now: () => Date; newCaptureId?: () => string }) {
  const newCaptureId = deps.newCaptureId ?? randomUUID;

  async function store(rawEvents: JsonObject[], namespaces: Record<string, string>, indexOffset = 0): Promise<{ job: CaptureJob; eventIds: string[] }> {
    const recordTime = deps.now().toISOString();
    const captureId = newCaptureId();
    const eventIds = rawEvents.map((raw) => (typeof raw.eventID === 'string' ? raw.eventID : eventHashId(raw, namespaces)));
    const known = await deps.events.existingIds(eventIds);
    const seenHere = new Set<string>();
    const canonicalise = memoisedCanonicalId();

    const ledgerEvents: LedgerEvent[] = [];
    const declarations: ErrorDeclarationRecord[] = [];
    const issues: DocumentIssue[] = [];
    rawEvents.forEach((raw, i) => {
      const eventId = eventIds[i] ?? '';
      const declaration = raw.errorDeclaration;
      // EPCIS 2.0 §7.4.1.2: an error declaration names the original by its eventID; the original stays as it was.
      if (isObject(declaration) && (known.has(eventId) || seenHere.has(eventId))) {
        const record: ErrorDeclarationRecord = { eventId, declarationTime: String(declaration.declarationTime), body: declaration };
        if (typeof declaration.reason === 'string') record.reason = declaration.reason;
        declarations.push(record);
        return;
      }
      seenHere.add(eventId);
      const body: JsonObject = { ...raw, eventID: eventId, recordTime };
      delete body['@context'];
      const indexed = indexEvent(body, { eventId, recordTime, namespaces, canonicalise });
      if (indexed.event) ledgerEvents.push(indexed.event);
      for (const issue of indexed.issues) issues.push({ index: i + indexOffset, eventType: String(raw.type), ...issue });
    });
    if (issues.length > 0) {
      throw new DomainError('invalid_document', describeIssues(issues), { errors: issues });
    }

    const job: CaptureJob = {
      captureId,
      createdAt: recordTime,
      finishedAt: deps.now().toISOString(),
      status: 'success',
      eventCount: rawEvents.length,
      storedCount: 0,
      errors: [],
    };
    const { storedEventIds } = await deps.events.append({ events: ledgerEvents, declarations, job });
    return { job: { ...job, storedCount: storedEventIds.length }, eventIds };
  }

  return {
    /**
     * Captures an EPCISDocument (or EPCISQueryDocument) atomically: every event is stored or none is.
     * Throws `invalid_document` listing every bad event and field.
     */
    async captureDocument(input: unknown): Promise<CaptureJob> {
      const result = validateEpcisDocument(input);
      if (!result.ok) throw new DomainError('invalid_document', describeIssues(result.issues), { errors: result.issues });
      const doc: JsonObject = result.document;
      return (await store(eventListOf(doc), contextNamespaces(doc['@context']))).job;
    },

    /** Captures one event; `created` is false when the ledger already held it. */
    async captureEvent(input: unknown): Promise<{ eventId: string; created: boolean }> {
      const result = validateEpcisEvent(input);
      if (!result.ok) throw new DomainError('invalid_event', describeIssues(result.issues), { errors: result.issues });
      const event: JsonObject = result.event;
      const { job, eventIds } = await store([event], contextNamespaces(event['@context']));
      return { eventId: eventIds[0] ?? '', created: job.storedCount === 1 };
    },
  };
}

export type Capture = ReturnType<typeof createCapture>;

function eventListOf(doc: JsonObject): JsonObject[] {
  const body = isObject(doc.epcisBody) ? doc.epcisBody : {};
  const results = isObject(body.queryResults) && isObject(body.queryResults.resultsBody) ? body.queryResults.resultsBody : body;
  return Array.isArray(results.eventList) ? results.eventList.filter(isObject) : [];
}
