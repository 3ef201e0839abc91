import { canonicalNumber, canonicalValue, canonicalVocabularyValue } from './canonical-value.js';
import { isObject } from '../event.js';
import { isJsonArray, itemsOf } from './json.js';
import { expandKey, type Namespaces } from './namespaces.js';

/** What rendering an event needs besides the event. */
export interface RenderContext {
  readonly namespaces: Namespaces;
  /** Sort by code point rather than UTF-16 code unit: only differs for text with characters beyond the BMP. */
  readonly byCodePoint: boolean;
}

/** Renders one field (`name` and its value) into pre-hash text; '' when it contributes nothing. */
export type Render = (name: string, value: unknown, context: RenderContext) => string;

const RDFS_COMMENT = '{http://www.w3.org/2000/01/rdf-schema#}comment';

// CBV 2.0 §8.9 sorts by UTF-8 byte order, i.e. by code point; UTF-16 order agrees unless a character beyond the
// BMP meets one in U+E000–U+FFFF.
function byCodePoint(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(j) ?? 0;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return (a.length - i) - (b.length - j);
}

/** The parts in lexical order, concatenated without separators (CBV 2.0 §8.9). */
export function joinSorted(parts: string[], context: RenderContext): string {
  if (parts.length < 2) return parts[0] ?? '';
  // Lists mostly arrive in order already (serials counted up, one lot after another): checking costs less than sorting.
  if (!inOrder(parts, context)) {
    // Array.prototype.sort without a comparator orders strings by UTF-16 code unit, natively and faster.
    if (context.byCodePoint) parts.sort(byCodePoint);
    else parts.sort();
  }
  return parts.join('');
}

function inOrder(parts: readonly string[], context: RenderContext): boolean {
  for (let i = 1; i < parts.length; i++) {
    const a = parts[i - 1] ?? '';
    const b = parts[i] ?? '';
    // `>` on strings compares UTF-16 code units, as sort() does.
    if (context.byCodePoint ? byCodePoint(a, b) > 0 : a > b) return false;
  }
  return true;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? canonicalNumber(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // A JSON-LD value object ({ "@value": "x", "@type": "xsd:string" }) is the same value as "x".
  if (isObject(value) && Object.hasOwn(value, '@value')) return scalarText(value['@value']);
  return undefined;
}

/** Whether a property is a comment (`comment`, `rdfs:comment`), which the hash leaves out at every level. */
export function isComment(key: string, namespaces: Namespaces): boolean {
  return key === 'comment' || (key.endsWith(':comment') && expandKey(key, namespaces) === RDFS_COMMENT);
}

/**
 * Any field outside the canonical property order: `{namespace}local=value`, or the name followed by its nested
 * fields in lexical order; a list repeats the name per item. Appends to `out` for the caller to sort.
 */
export function pushGeneric(out: string[], key: string, value: unknown, context: RenderContext): void {
  const name = expandKey(key, context.namespaces);
  if (!isJsonArray(value)) {
    pushGenericItem(out, name, value, context);
    return;
  }
  for (const item of value) pushGenericItem(out, name, item, context);
}

function pushGenericItem(out: string[], name: string, value: unknown, context: RenderContext): void {
  const text = scalarText(value);
  if (text !== undefined) {
    const canonical = canonicalValue(text, context.namespaces);
    out.push(canonical === '' ? name : `${name}=${canonical}`);
    return;
  }
  const inner: string[] = [];
  if (isJsonArray(value)) {
    for (const item of value) pushGenericItem(inner, '', item, context);
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      if (!isComment(key, context.namespaces)) pushGeneric(inner, key, value[key], context);
    }
  } else {
    // JSON null: JSON-LD drops the property, and so does the hash.
    return;
  }
  out.push(name + joinSorted(inner, context));
}

/** Renders each item of a list value with `one`, drops empty results and sorts the rest; a lone value as is. */
function each(one: Render): Render {
  return (name, value, context) => {
    if (!isJsonArray(value)) return one(name, value, context);
    const parts: string[] = [];
    for (const item of value) {
      const text = one(name, item, context);
      if (text !== '') parts.push(text);
    }
    return joinSorted(parts, context);
  };
}

/** `name=value`, the value made canonical by `canonical`; a repeated field gives one `name=value` per item. */
export function values(canonical: (text: string, namespaces: Namespaces) => string): Render {
  return each((name, value, context) => {
    const text = scalarText(value);
    const result = text === undefined ? '' : canonical(text, context.namespaces);
    return result === '' ? '' : `${name}=${result}`;
  });
}

/** A CBV-vocabulary field: bare words get the vocabulary's URI base, from `base`. */
export function vocabulary(base: (namespaces: Namespaces) => string): Render {
  return values((text, namespaces) => canonicalVocabularyValue(text, base(namespaces), namespaces));
}

/** An object: its known fields in the given order, then any other fields (user extensions) in lexical order. */
export function node(fields: ReadonlyArray<readonly [string, Render]>): Render {
  const known = new Set(fields.map(([key]) => key));
  return each((name, value, context) => {
    if (!isObject(value)) {
      const parts: string[] = [];
      pushGenericItem(parts, name, value, context);
      return joinSorted(parts, context);
    }
    let text = '';
    for (const [key, render] of fields) {
      if (Object.hasOwn(value, key)) text += render(key, value[key], context);
    }
    const extensions: string[] = [];
    for (const key of Object.keys(value)) {
      if (!known.has(key) && !isComment(key, context.namespaces)) pushGeneric(extensions, key, value[key], context);
    }
    text += joinSorted(extensions, context);
    return text === '' ? '' : name + text;
  });
}

/** A list written once by name, then its items (each rendered by `item` under `itemName`) in lexical order. */
export function list(itemName: string, item: Render): Render {
  return (name, value, context) => {
    const parts: string[] = [];
    for (const element of itemsOf(value)) {
      const text = item(itemName, element, context);
      if (text !== '') parts.push(text);
    }
    return parts.length === 0 ? '' : name + joinSorted(parts, context);
  };
}
