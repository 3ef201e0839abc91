import { DomainError } from '../errors.js';
import { boundedMemo } from '../bounded-memo.js';
import { computeCheckDigit } from './check-digit.js';

export type EpcScheme =
  | 'sgtin' | 'lgtin' | 'upui' | 'itip' | 'sscc' | 'sgln' | 'pgln' | 'grai'
  | 'gdti' | 'sgcn' | 'giai' | 'ginc' | 'gsrn' | 'gsrnp' | 'gsin' | 'cpi';
/** `id` = pure identity (`urn:epc:id:`), `class` = `urn:epc:class:`, `idpat` = pattern (`urn:epc:idpat:`). */
export type EpcForm = 'id' | 'class' | 'idpat';

/** A parsed EPC URI: company prefix plus the components after it, %-escapes decoded; `'*'` is a pattern wildcard. */
export interface EpcKey { readonly form: EpcForm; readonly scheme: EpcScheme; readonly companyPrefix: string; readonly parts: readonly string[] }

/** One GS1 element string: application identifier and its (unescaped) value. */
export interface Gs1Element { ai: string; value: string }

type CharSet = 'x' | 'c' | 'n';
interface Field { set: CharSet; min: number; max: number }
interface SchemeSpec {
  /** Digits in company prefix + reference; 0 when the reference is alphanumeric (≤ 30 chars with the prefix). */
  keyDigits: number;
  /** The reference starts with the digit that leads the GS1 key (GTIN indicator, SSCC extension digit). */
  lead: boolean;
  refSet: CharSet;
  tail: Field[];
}

const text = (max: number): Field => ({ set: 'x', min: 1, max });
const num = (min: number, max: number): Field => ({ set: 'n', min, max });
const gtinBased = (tail: Field[]): SchemeSpec => ({ keyDigits: 13, lead: true, refSet: 'n', tail });
const numeric = (keyDigits: number, tail: Field[] = []): SchemeSpec => ({ keyDigits, lead: false, refSet: 'n', tail });

// EPC Tag Data Standard 2.x §6.3 (pure identity URI syntax per scheme) and §6.4 (lgtin class).
const SPECS: Record<EpcScheme, SchemeSpec> = {
  sgtin: gtinBased([text(20)]), lgtin: gtinBased([text(20)]), upui: gtinBased([text(28)]),
  itip: gtinBased([num(2, 2), num(2, 2), text(20)]),
  sscc: { keyDigits: 17, lead: true, refSet: 'n', tail: [] },
  sgln: numeric(12, [text(20)]), pgln: numeric(12), grai: numeric(12, [text(16)]), gdti: numeric(12, [text(17)]),
  sgcn: numeric(12, [num(1, 12)]), gsrn: numeric(17), gsrnp: numeric(17), gsin: numeric(16),
  giai: { keyDigits: 0, lead: false, refSet: 'x', tail: [] },
  ginc: { keyDigits: 0, lead: false, refSet: 'x', tail: [] },
  cpi: { keyDigits: 0, lead: false, refSet: 'c', tail: [num(1, 12)] },
};

function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** GS1 General Specifications §7.11 Figure 7.11-1: AI encodable character set 82. */
export const SET_82 = table(`!"%&'()*+,-./:;<=>?_${ALNUM}`);
/** GS1 AI encodable character set 39 (CPI component/part reference, AI 8010). */
export const SET_39 = table('#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
// TDS 2.x §6.2 / Table I.3.1-1: these characters appear in an EPC URI only %-escaped.
const EPC_RAW = table(`!'()*+,-.:;=_${ALNUM}`);
const CPI_RAW = table('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
// Characters the CBV 2.0 hash algorithm (and its reference implementation) leaves unescaped in a Digital Link.
export const DL_RAW = table(`'-.;=_${ALNUM}`);

const HEX = '0123456789ABCDEF';

/** %-escapes (upper-case hex) every character not in `raw`. */
export function escapeComponent(value: string, raw: Uint8Array): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 128 && raw[c] === 1) continue;
    out += value.slice(from, i) + '%' + HEX.charAt((c >> 4) & 15) + HEX.charAt(c & 15);
    from = i + 1;
  }
  return from === 0 ? value : out + value.slice(from);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** Decodes %-escapes; returns undefined when a raw character is not in `raw` or a decoded one not in `allowed`. */
export function unescapeComponent(s: string, raw: Uint8Array, allowed: Uint8Array): string | undefined {
  if (s.indexOf('%') < 0) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128 || raw[c] !== 1) return undefined;
    }
    return s;
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c === 37) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return undefined;
      c = hi * 16 + lo;
      i += 2;
      if (c >= 128 || allowed[c] !== 1) return undefined;
    } else if (c >= 128 || raw[c] !== 1) {
      return undefined;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

export function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isEpcScheme(s: string): s is EpcScheme {
  return Object.prototype.hasOwnProperty.call(SPECS, s);
}

function invalid(uri: string, problem: string): DomainError {
  return new DomainError('invalid_identifier', `EPC URI ${uri} is not valid: ${problem}`, { value: uri });
}

const FORM_PREFIXES = ['urn:epc:id:', 'urn:epc:class:', 'urn:epc:idpat:'];

/** True when `uri` uses a GS1 scheme this module parses (`urn:epc:id:gid:…` and friends are not GS1 keys). */
export function isGs1EpcUri(uri: string): boolean {
  for (const prefix of FORM_PREFIXES) {
    if (!uri.startsWith(prefix)) continue;
    const colon = uri.indexOf(':', prefix.length);
    return isEpcScheme(uri.slice(prefix.length, colon < 0 ? uri.length : colon));
  }
  return false;
}

function decodeField(uri: string, value: string, set: CharSet, what: string, max: number): string {
  if (set === 'n') {
    if (!isDigits(value)) throw invalid(uri, `${what} "${value}" must contain only digits`);
    return value;
  }
  const decoded = set === 'x' ? unescapeComponent(value, EPC_RAW, SET_82) : unescapeComponent(value, CPI_RAW, SET_39);
  if (decoded === undefined) {
    const allowed = set === 'x' ? 'GS1 characters, with " % & / < > ? written as %22 %25 %26 %2F %3C %3E %3F' : 'digits, A-Z, "-", %23 (#) and %2F (/)';
    throw invalid(uri, `${what} "${value}" may contain only ${allowed}`);
  }
  if (decoded.length > max) throw invalid(uri, `${what} "${value}" is longer than ${max} characters`);
  return decoded;
}

/**
 * Parses an EPC pure-identity, class or pattern URI (EPC Tag Data Standard 2.x §6) for a GS1 key.
 * @example parseEpcUri('urn:epc:id:sgtin:0614141.107346.2017') // { form: 'id', scheme: 'sgtin', companyPrefix: '0614141', parts: ['107346', '2017'] }
 */
export function parseEpcUri(uri: string): EpcKey {
  return parsed(uri);
}

// Capture parses each identifier twice, for the event hash (its Digital Link) and for the ledger (its canonical EPC
// URI): a bounded memo of the (pure) parse. Keys are read-only, so sharing them is safe.
const parsed = boundedMemo((uri) => parseEpcUriAnew(uri), 16_384);

function parseEpcUriAnew(uri: string): EpcKey {
  const form: EpcForm | undefined = uri.startsWith('urn:epc:id:') ? 'id'
    : uri.startsWith('urn:epc:class:') ? 'class' : uri.startsWith('urn:epc:idpat:') ? 'idpat' : undefined;
  if (form === undefined) throw invalid(uri, 'it must start with urn:epc:id:, urn:epc:class: or urn:epc:idpat:');
  const prefix = `urn:epc:${form}:`;
  const colon = uri.indexOf(':', prefix.length);
  const scheme = uri.slice(prefix.length, colon < 0 ? uri.length : colon);
  if (!isEpcScheme(scheme) || (scheme === 'lgtin') !== (form === 'class')) {
    throw invalid(uri, `"${scheme}" is not a GS1 EPC scheme for ${prefix}`);
  }
  if (colon < 0) throw invalid(uri, `the ${scheme} value is missing after "${prefix}${scheme}"`);
  const spec = SPECS[scheme];
  const raw: string[] = [];
  let pos = colon + 1;
  for (let i = 0; i < spec.tail.length + 1; i++) {
    const dot = uri.indexOf('.', pos);
    if (dot < 0) throw invalid(uri, `a ${scheme} has ${spec.tail.length + 2} parts separated by "."`);
    raw.push(uri.slice(pos, dot));
    pos = dot + 1;
  }
  raw.push(uri.slice(pos));
  const [companyPrefix = '', ref = ''] = raw;
  const wildcard = form === 'idpat' ? raw.indexOf('*') : -1;
  for (let i = wildcard; i >= 0 && i < raw.length; i++) {
    if (raw[i] !== '*') throw invalid(uri, 'in a pattern only trailing parts may be "*"');
  }
  if (wildcard === 0) return { form, scheme, companyPrefix, parts: raw.slice(1) };
  if (companyPrefix.length < 6 || companyPrefix.length > 12 || !isDigits(companyPrefix)) {
    throw invalid(uri, `GS1 Company Prefix "${companyPrefix}" must be 6 to 12 digits`);
  }
  const parts = [ref];
  if (wildcard !== 1) {
    if (spec.keyDigits > 0) {
      const want = spec.keyDigits - companyPrefix.length;
      if (ref.length !== want || !isDigits(ref)) {
        throw invalid(uri, `after the ${companyPrefix.length}-digit company prefix the reference must be ${want} digits, got "${ref}"`);
      }
    } else {
      const max = 30 - companyPrefix.length;
      const decoded = decodeField(uri, ref, spec.refSet, 'reference', max);
      if (decoded === '') throw invalid(uri, 'the reference is empty');
      parts[0] = decoded;
    }
  }
  for (let i = 2; i < raw.length; i++) {
    const value = raw[i] ?? '';
    const field = spec.tail[i - 2];
    if (field === undefined || (wildcard >= 0 && i >= wildcard)) {
      parts.push(value);
      continue;
    }
    const decoded = decodeField(uri, value, field.set, `part ${i + 1}`, field.max);
    if (decoded.length < field.min) throw invalid(uri, `part ${i + 1} "${value}" must have at least ${field.min} character(s)`);
    parts.push(decoded);
  }
  return { form, scheme, companyPrefix, parts };
}

/** Writes the EPC URI for a key, %-escaping only what TDS 2.x requires. */
export function formatEpcUri(key: EpcKey): string {
  const spec = SPECS[key.scheme];
  let uri = `urn:epc:${key.form}:${key.scheme}:${key.companyPrefix}`;
  for (let i = 0; i < key.parts.length; i++) {
    const part = key.parts[i] ?? '';
    const set = i === 0 ? spec.refSet : spec.tail[i - 1]?.set;
    uri += '.' + (set === 'x' ? escapeComponent(part, EPC_RAW) : set === 'c' ? escapeComponent(part, CPI_RAW) : part);
  }
  return uri;
}

/** The digits (or characters) that start with the company prefix, used to look up its length. */
function prefixedKey(key: EpcKey): string {
  const ref = key.parts[0] ?? '';
  return key.companyPrefix + (SPECS[key.scheme].lead ? ref.slice(1) : ref);
}

/**
 * Moves the company prefix / reference boundary to `lengthOf(key)` when that returns a length (TDS §7: same key, other split).
 * Patterns whose prefix or reference is `*` are returned unchanged.
 */
export function resplitEpcKey(key: EpcKey, lengthOf: (digits: string) => number | undefined): EpcKey {
  const ref = key.parts[0] ?? '';
  if (key.companyPrefix === '*' || ref === '*') return key;
  const core = prefixedKey(key);
  const length = lengthOf(core);
  if (length === undefined || length === key.companyPrefix.length) return key;
  const companyPrefix = core.slice(0, length);
  if (!isDigits(companyPrefix) || core.length < length || (SPECS[key.scheme].keyDigits === 0 && core.length === length)) {
    throw invalid(formatEpcUri(key), `GS1 Company Prefix ${companyPrefix} is allocated with ${length} digits, which does not fit this key`);
  }
  const newRef = (SPECS[key.scheme].lead ? ref.charAt(0) : '') + core.slice(length);
  return { ...key, companyPrefix, parts: [newRef, ...key.parts.slice(1)] };
}

const CLASS_PATTERNS = new Set<EpcScheme>(['sgtin', 'upui', 'itip', 'grai', 'gdti', 'sgcn', 'cpi']);

/**
 * GS1 element strings of an EPC (TDS 2.x §7). A pattern converts only when just its last part is `*`
 * (the class level: a GTIN, GRAI or GDTI without serial), as in the CBV 2.0 event hash reference implementation.
 * @example epcToElements(parseEpcUri('urn:epc:id:sgtin:0614141.107346.2017')) // [{ ai: '01', value: '10614141073464' }, { ai: '21', value: '2017' }]
 */
export function epcToElements(key: EpcKey): Gs1Element[] {
  const { scheme, parts } = key;
  const pattern = key.form === 'idpat';
  if (pattern && (!CLASS_PATTERNS.has(scheme) || parts.indexOf('*') !== parts.length - 1)) {
    throw invalid(formatEpcUri(key), 'only a pattern with "*" as its last part stands for one GS1 class');
  }
  const ref = parts[0] ?? '';
  const [, a = '', b = '', c = ''] = parts;
  const spec = SPECS[scheme];
  const body = spec.lead ? ref.charAt(0) + key.companyPrefix + ref.slice(1) : key.companyPrefix + ref;
  const key13 = spec.keyDigits > 0 ? body + computeCheckDigit(body) : body;
  const serial = pattern ? '' : a;
  switch (scheme) {
    case 'sgtin': return pattern ? [{ ai: '01', value: key13 }] : [{ ai: '01', value: key13 }, { ai: '21', value: a }];
    case 'upui': return pattern ? [{ ai: '01', value: key13 }] : [{ ai: '01', value: key13 }, { ai: '235', value: a }];
    case 'lgtin': return [{ ai: '01', value: key13 }, { ai: '10', value: a }];
    case 'itip': {
      const itip = { ai: '8006', value: key13 + a + b };
      return pattern ? [itip] : [itip, { ai: '21', value: c }];
    }
    case 'sscc': return [{ ai: '00', value: key13 }];
    case 'sgln': return a === '0' ? [{ ai: '414', value: key13 }] : [{ ai: '414', value: key13 }, { ai: '254', value: a }];
    case 'pgln': return [{ ai: '417', value: key13 }];
    case 'grai': return [{ ai: '8003', value: '0' + key13 + serial }];
    case 'gdti': return [{ ai: '253', value: key13 + serial }];
    case 'sgcn': return [{ ai: '255', value: key13 + serial }];
    case 'gsrn': return [{ ai: '8018', value: key13 }];
    case 'gsrnp': return [{ ai: '8017', value: key13 }];
    case 'gsin': return [{ ai: '402', value: key13 }];
    case 'giai': return [{ ai: '8004', value: body }];
    case 'ginc': return [{ ai: '401', value: body }];
    case 'cpi': {
      const cpi = { ai: '8010', value: body };
      return pattern ? [cpi] : [cpi, { ai: '8011', value: a }];
    }
  }
}

function qualifier(elements: readonly Gs1Element[], ai: string): string | undefined {
  for (let i = 1; i < elements.length; i++) if (elements[i]?.ai === ai) return elements[i]?.value;
  return undefined;
}

function splitKey(form: EpcForm, scheme: EpcScheme, core: string, lead: string, tail: string[], length: number): EpcKey {
  const companyPrefix = core.slice(0, length);
  const ref = core.slice(length);
  if (companyPrefix.length !== length || !isDigits(companyPrefix) || (SPECS[scheme].keyDigits === 0 && ref === '')) {
    throw new DomainError('invalid_identifier', `GS1 key ${core} does not start with a ${length}-digit GS1 Company Prefix`, { value: core });
  }
  tail.unshift(lead + ref);
  return { form, scheme, companyPrefix, parts: tail };
}

type Layout = [scheme: EpcScheme, core: string, lead: string, tail: string[], serial?: string];

/** Where each GS1 key's company prefix + reference sit in its element string (TDS 2.x §7). */
function layoutOf(elements: readonly Gs1Element[], v: string, ai: string): Layout {
  const serial = qualifier(elements, '21');
  switch (ai) {
    case '01': {
      const tpx = qualifier(elements, '235');
      const lot = qualifier(elements, '10');
      if (serial === undefined && tpx !== undefined) return ['upui', v.slice(1, 13), v.charAt(0), [tpx]];
      if (serial === undefined && lot !== undefined) return ['lgtin', v.slice(1, 13), v.charAt(0), [lot]];
      return ['sgtin', v.slice(1, 13), v.charAt(0), [], serial];
    }
    case '8006':
      if (serial === undefined && qualifier(elements, '10') !== undefined) {
        throw new DomainError('invalid_identifier', `ITIP ${v} with a lot but no serial has no EPC URI`, { value: v });
      }
      return ['itip', v.slice(1, 13), v.charAt(0), [v.slice(14, 16), v.slice(16, 18)], serial];
    case '00': return ['sscc', v.slice(1, 17), v.charAt(0), []];
    case '414': return ['sgln', v.slice(0, 12), '', [qualifier(elements, '254') ?? '0']];
    case '417': return ['pgln', v.slice(0, 12), '', []];
    case '8003': return ['grai', v.slice(1, 13), '', [], v.slice(14)];
    case '253': return ['gdti', v.slice(0, 12), '', [], v.slice(13)];
    case '255': return ['sgcn', v.slice(0, 12), '', [], v.slice(13)];
    case '8017': return ['gsrnp', v.slice(0, 17), '', []];
    case '8018': return ['gsrn', v.slice(0, 17), '', []];
    case '402': return ['gsin', v.slice(0, 16), '', []];
    case '8004': return ['giai', v, '', []];
    case '401': return ['ginc', v, '', []];
    case '8010': return ['cpi', v, '', [], qualifier(elements, '8011')];
    default: throw new DomainError('invalid_identifier', `AI (${ai}) is not a GS1 key with an EPC URI`, { ai });
  }
}

const SERIALISED = new Set<EpcScheme>(['sgtin', 'itip', 'grai', 'gdti', 'sgcn', 'cpi']);

/**
 * The EPC for GS1 element strings (primary key first, as from a Digital Link), splitting the company prefix at
 * `lengthOf(digits)`. A key without serial (GTIN, GRAI, GDTI, …) becomes the class pattern `urn:epc:idpat:…*`.
 * @example elementsToEpc([{ ai: '414', value: '0614141073467' }], () => 7) // sgln 0614141.07346.0
 */
export function elementsToEpc(elements: readonly Gs1Element[], lengthOf: (digits: string) => number): EpcKey {
  const primary = elements[0];
  if (primary === undefined) throw new DomainError('invalid_identifier', 'A GS1 key is missing');
  const [scheme, core, lead, tail, serial] = layoutOf(elements, primary.value, primary.ai);
  let form: EpcForm = scheme === 'lgtin' ? 'class' : 'id';
  if (SERIALISED.has(scheme)) {
    const isClass = serial === undefined || serial === '';
    tail.push(isClass ? '*' : serial);
    if (isClass) form = 'idpat';
  }
  return splitKey(form, scheme, core, lead, tail, lengthOf(core));
}
