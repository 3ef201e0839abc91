import { isObject, type JsonObject } from '../../../domain/event.js';
import { namespaceOf } from '../../../domain/event-hash/namespaces.js';
import type { StoredEvent } from '../../../store/event-store.js';

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/**
 * The JSON-LD context for a set of events: the standard context plus every prefix their extension fields use.
 * The first event to declare a prefix binds it; any event for which a prefix would then mean something else (it
 * declared another namespace, or relied on the standard context's binding) has those keys written as full IRIs.
 */
export function withContext(events: StoredEvent[]): { context: unknown[]; bodies: JsonObject[] } {
  const bound = new Map<string, string>();
  for (const event of events) {
    for (const [prefix, iri] of Object.entries(event.namespaces)) if (!bound.has(prefix)) bound.set(prefix, iri);
  }
  const bodies = events.map((event) => {
    const moved = new Set<string>();
    for (const [prefix, iri] of bound) if (namespaceOf(prefix, event.namespaces) !== iri) moved.add(prefix);
    return moved.size === 0 ? event.body : expandPrefixes(event.body, moved, event.namespaces);
  });
  // fromEntries defines own properties, so a prefix named like an Object.prototype member stays a plain entry.
  return { context: bound.size > 0 ? [EPCIS_CONTEXT, Object.fromEntries(bound)] : [EPCIS_CONTEXT], bodies };
}

/** An EPCISQueryDocument (EPCIS 2.0 §9.2) holding the given events. */
export function queryDocument(events: StoredEvent[], opts: { now: Date; queryName?: string }): JsonObject {
  const { context, bodies } = withContext(events);
  return {
    '@context': context,
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: opts.now.toISOString(),
    epcisBody: { queryResults: { queryName: opts.queryName ?? 'SimpleEventQuery', resultsBody: { eventList: bodies } } },
  };
}

function expandPrefixes(value: unknown, prefixes: Set<string>, namespaces: Record<string, string>): JsonObject {
  const expand = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(expand);
    if (typeof v !== 'object' || v === null) return v;
    // fromEntries keeps a "__proto__" key inside an extension value as data.
    return Object.fromEntries(Object.entries(v).map(([key, inner]) => {
      const colon = key.indexOf(':');
      const iri = colon > 0 && prefixes.has(key.slice(0, colon)) ? namespaceOf(key.slice(0, colon), namespaces) : undefined;
      return [iri === undefined ? key : iri + key.slice(colon + 1), expand(inner)];
    }));
  };
  const expanded = expand(value);
  return isObject(expanded) ? expanded : {};
}
