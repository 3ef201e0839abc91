import { isObject, type JsonObject } from '../../../domain/event.js';
import type { StoredEvent } from '../../../store/event-store.js';

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/**
 * The JSON-LD context for a set of events: the standard context plus every prefix their extension fields use.
 * When two events bound one prefix to different namespaces, the later event's keys are written as full IRIs.
 */
export function withContext(events: StoredEvent[]): { context: unknown[]; bodies: JsonObject[] } {
  const prefixes: Record<string, string> = {};
  const bodies = events.map((event) => {
    const clashes = new Set<string>();
    for (const [prefix, iri] of Object.entries(event.namespaces)) {
      const bound = prefixes[prefix];
      if (bound === undefined) prefixes[prefix] = iri;
      else if (bound !== iri) clashes.add(prefix);
    }
    return clashes.size === 0 ? event.body : expandPrefixes(event.body, clashes, event.namespaces);
  });
  return { context: Object.keys(prefixes).length > 0 ? [EPCIS_CONTEXT, prefixes] : [EPCIS_CONTEXT], bodies };
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
    const out: JsonObject = {};
    for (const [key, inner] of Object.entries(v)) {
      const colon = key.indexOf(':');
      const prefix = colon > 0 ? key.slice(0, colon) : '';
      const iri = prefixes.has(prefix) ? namespaces[prefix] : undefined;
      out[iri ? iri + key.slice(colon + 1) : key] = expand(inner);
    }
    return out;
  };
  const expanded = expand(value);
  return isObject(expanded) ? expanded : {};
}
