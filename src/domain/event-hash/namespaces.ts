import { isObject } from '../event.js';
import { itemsOf } from './json.js';

/** JSON-LD prefix → namespace IRI, as declared by an EPCIS document's @context. */
export type Namespaces = Readonly<Record<string, string>>;

// The prefixes the EPCIS 2.0 JSON-LD context itself declares (epcis-context.jsonld): a document may use them
// without declaring them, and its own declarations override them.
const STANDARD_PREFIXES: Namespaces = Object.fromEntries([
  ['epcis', 'https://ref.gs1.org/epcis/'],
  ['cbv', 'https://ref.gs1.org/cbv/'],
  ['cbvmda', 'urn:epcglobal:cbv:mda:'],
  ['gs1', 'https://gs1.org/voc/'],
  ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'],
  ['owl', 'http://www.w3.org/2002/07/owl#'],
  ['xsd', 'http://www.w3.org/2001/XMLSchema#'],
  ['dcterms', 'http://purl.org/dc/terms/'],
]);

function prefixIri(definition: unknown): string | undefined {
  if (typeof definition === 'string') return definition.startsWith('@') ? undefined : definition;
  // JSON-LD 1.1 §4.1.2: an expanded term definition is usable as a prefix only when it says "@prefix": true.
  if (isObject(definition) && definition['@prefix'] === true && typeof definition['@id'] === 'string') {
    return definition['@id'];
  }
  return undefined;
}

/**
 * The prefixes an EPCIS document's `@context` declares. Context URLs (the standard EPCIS context, or any other
 * remote context) are skipped: nothing is fetched; the standard context's own prefixes are known built in.
 * @example contextNamespaces(['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ns.example.com/epcis/' }])
 * // { example: 'https://ns.example.com/epcis/' }
 */
export function contextNamespaces(context: unknown): Record<string, string> {
  const entries: Array<[string, string]> = [];
  for (const part of itemsOf(context)) {
    if (!isObject(part)) continue;
    for (const [prefix, definition] of Object.entries(part)) {
      if (prefix.startsWith('@') || prefix.includes(':')) continue;
      const iri = prefixIri(definition);
      if (iri !== undefined) entries.push([prefix, iri]);
    }
  }
  // fromEntries defines own properties, so a prefix named like an Object.prototype member stays a plain entry.
  return Object.fromEntries(entries);
}

// Every value of every event is looked up: one Map per declared set of prefixes (a document's), merged with the
// standard ones, answers faster than own-property checks on two objects.
const RESOLVED = new WeakMap<Namespaces, Map<string, string>>();

function resolved(namespaces: Namespaces): Map<string, string> {
  let map = RESOLVED.get(namespaces);
  if (map === undefined) {
    map = new Map([...Object.entries(STANDARD_PREFIXES), ...Object.entries(namespaces)]);
    RESOLVED.set(namespaces, map);
  }
  return map;
}

/** The namespace IRI of a prefix: the document's declaration first, then the standard EPCIS context's. */
export function namespaceOf(prefix: string, namespaces: Namespaces): string | undefined {
  return resolved(namespaces).get(prefix);
}

/**
 * The pre-hash name of a property (CBV 2.0 §8.9): a compact `prefix:local` name becomes `{namespace}local`;
 * anything else (standard EPCIS names, undeclared prefixes) stays as written.
 */
export function expandKey(key: string, namespaces: Namespaces): string {
  const colon = key.indexOf(':');
  if (colon <= 0) return key;
  const namespace = namespaceOf(key.slice(0, colon), namespaces);
  return namespace === undefined ? key : `{${namespace}}${key.slice(colon + 1)}`;
}

/** A compact IRI value (`gs1:Temperature`, `cbv:Comp-latitude`) written out in full; other values unchanged. */
export function expandCurie(value: string, namespaces: Namespaces): string {
  const colon = value.indexOf(':');
  // JSON-LD 1.1 §4.1.3: `scheme://…` is an absolute IRI, never a compact one.
  if (colon <= 0 || (value.charCodeAt(colon + 1) === 47 && value.charCodeAt(colon + 2) === 47)) return value;
  // Most values are URNs (EPCs, CBV terms): unless the document declares a `urn` prefix, they need no lookup.
  if (colon === 3 && value.startsWith('urn') && !resolved(namespaces).has('urn')) return value;
  const namespace = namespaceOf(value.slice(0, colon), namespaces);
  return namespace === undefined ? value : namespace + value.slice(colon + 1);
}
