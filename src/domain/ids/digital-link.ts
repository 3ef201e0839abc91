import { DomainError } from '../errors.js';
import { verifyCheckDigit } from './check-digit.js';
import type { Gs1Element } from './epc-uri.js';
import {
  DL_RAW, SET_39, SET_82, epcToElements, escapeComponent, isDigits, isGs1EpcUri, parseEpcUri, unescapeComponent,
} from './epc-uri.js';

/** The canonical Digital Link origin (GS1 Digital Link URI syntax 1.2 §4.5; CBV 2.0 §8.9 event hash). */
export const CANONICAL_DL_ORIGIN = 'https://id.gs1.org';

// GS1 Digital Link 1.2 §5: primary keys and, in path order, the key qualifiers each may carry.
const QUALIFIERS: Record<string, readonly string[]> = {
  '00': [], '01': ['22', '10', '21', '235'], '253': [], '255': [], '401': [], '402': [], '414': ['254'],
  '417': [], '8003': [], '8004': [], '8006': ['22', '10', '21'], '8010': ['8011'], '8017': [], '8018': [],
};
// GS1 Digital Link 1.1 short names, still seen in the wild (e.g. EPCIS 2.0 examples use /gtin/).
const SHORT_NAMES: Record<string, string> = {
  gtin: '01', itip: '8006', cpid: '8010', gln: '414', party: '417', gsrnp: '8017', gsrn: '8018', gcn: '255',
  sscc: '00', gdti: '253', ginc: '401', gsin: '402', grai: '8003', giai: '8004', cpv: '22', lot: '10',
  ser: '21', glnx: '254', cpsn: '8011',
};
const KEY_NAMES: Record<string, string> = {
  '00': 'SSCC', '01': 'GTIN', '253': 'GDTI', '255': 'GCN', '402': 'GSIN', '414': 'GLN', '417': 'GLN',
  '8003': 'GRAI', '8006': 'GTIN', '8017': 'GSRN', '8018': 'GSRN',
};
// [fixed digits that end in a check digit, max characters after them] per numeric-led key.
const NUMERIC_KEYS: Record<string, readonly [number, number]> = {
  '00': [18, 0], '253': [13, 17], '255': [13, 12], '402': [17, 0], '414': [13, 0], '417': [13, 0],
  '8003': [14, 16], '8006': [14, 4], '8017': [18, 0], '8018': [18, 0],
};
const TEXT_MAX: Record<string, number> = { '401': 30, '8004': 30, '8010': 30, '10': 20, '21': 20, '22': 20, '235': 28, '254': 20 };

function toAi(segment: string): string {
  return SHORT_NAMES[segment] ?? segment;
}

function invalid(uri: string, problem: string): DomainError {
  return new DomainError('invalid_identifier', `GS1 Digital Link ${uri} is not valid: ${problem}`, { value: uri });
}

/** Whether a path segment value has the shape of the key, so that `/2020/01/15` is not mistaken for a GTIN. */
function looksLikeKey(ai: string, value: string): boolean {
  if (ai === '01') return (value.length === 8 || (value.length >= 12 && value.length <= 14)) && isDigits(value);
  const fixed = NUMERIC_KEYS[ai];
  if (fixed === undefined) return value.length > 0 && isDigits(value.charAt(0));
  return value.length >= fixed[0] && isDigits(value.slice(0, fixed[0]));
}

function decodeValue(uri: string, ai: string, segment: string): string {
  const set = ai === '8010' ? SET_39 : SET_82;
  const value = unescapeComponent(segment, set, set);
  if (value === undefined || value === '') throw invalid(uri, `the value "${segment}" of AI (${ai}) has characters GS1 does not allow`);
  if (ai === '01') {
    const gtin = value.padStart(14, '0');
    verifyCheckDigit(gtin, 'GTIN');
    return gtin;
  }
  const fixed = NUMERIC_KEYS[ai];
  if (fixed !== undefined) {
    const [digits, extra] = fixed;
    if (value.length > digits + extra) throw invalid(uri, `AI (${ai}) "${value}" is longer than ${digits + extra} characters`);
    if (ai === '8003' && value.charAt(0) !== '0') throw invalid(uri, `AI (8003) "${value}" must start with 0`);
    verifyCheckDigit(value.slice(0, digits), KEY_NAMES[ai] ?? ai);
    if ((ai === '255' || ai === '8006') && !isDigits(value)) throw invalid(uri, `AI (${ai}) "${value}" must be all digits`);
    if (ai === '8006' && value.length !== 18) throw invalid(uri, `AI (8006) "${value}" must be a GTIN plus 2-digit piece and total`);
    return value;
  }
  if (ai === '8011') {
    if (value.length > 12 || !isDigits(value)) throw invalid(uri, `AI (8011) "${value}" must be 1 to 12 digits`);
    return value;
  }
  const max = TEXT_MAX[ai] ?? 0;
  if (value.length > max) throw invalid(uri, `AI (${ai}) "${value}" is longer than ${max} characters`);
  return value;
}

/**
 * The GS1 key and key qualifiers of a Digital Link on any host (GS1 Digital Link URI syntax 1.2), in canonical
 * qualifier order with GTINs padded to 14 digits; the query string (data attributes) and fragment are ignored.
 * Returns undefined when the URI has no GS1 key path; throws `invalid_identifier` when the key or a qualifier is wrong.
 * @example findDigitalLink('https://example.com/gtin/9780345418913/21/765tz?abc=1') // [{ ai: '01', value: '09780345418913' }, { ai: '21', value: '765tz' }]
 */
export function findDigitalLink(uri: string): Gs1Element[] | undefined {
  const afterScheme = uri.startsWith('https://') ? 8 : uri.startsWith('http://') ? 7 : -1;
  if (afterScheme < 0) return undefined;
  let end = uri.length;
  const query = uri.indexOf('?', afterScheme);
  const fragment = uri.indexOf('#', afterScheme);
  if (query >= 0) end = query;
  if (fragment >= 0 && fragment < end) end = fragment;
  const pathStart = uri.indexOf('/', afterScheme);
  if (pathStart < 0 || pathStart >= end) return undefined;
  const segments = uri.slice(pathStart + 1, end).split('/');
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  let start = 0;
  while (start < segments.length && !isKeyAt(segments, start)) start++;
  if (start === segments.length) return undefined;
  const keyAi = toAi(segments[start] ?? '');
  const allowed = QUALIFIERS[keyAi] ?? [];
  const elements: Gs1Element[] = [{ ai: keyAi, value: decodeValue(uri, keyAi, segments[start + 1] ?? '') }];
  let seen = '';
  for (let i = start + 2; i < segments.length; i += 2) {
    const ai = toAi(segments[i] ?? '');
    const value = segments[i + 1];
    if (!allowed.includes(ai)) throw invalid(uri, `"${segments[i] ?? ''}" is not a key qualifier of AI (${keyAi})`);
    if (value === undefined) throw invalid(uri, `key qualifier (${ai}) has no value`);
    if (seen.includes(`/${ai}/`)) throw invalid(uri, `key qualifier (${ai}) appears twice`);
    seen += `/${ai}/`;
    elements.push({ ai, value: decodeValue(uri, ai, value) });
  }
  if (seen.includes('/21/') && seen.includes('/235/')) {
    throw invalid(uri, 'a GTIN has either a serial (21) or a third-party serial (235), not both');
  }
  return elements.length > 2 ? elements.sort(byQualifierOrder(allowed)) : elements;
}

function isKeyAt(segments: readonly string[], i: number): boolean {
  const ai = toAi(segments[i] ?? '');
  return QUALIFIERS[ai] !== undefined && looksLikeKey(ai, segments[i + 1] ?? '');
}

function byQualifierOrder(order: readonly string[]): (x: Gs1Element, y: Gs1Element) => number {
  // The primary key is not in `order` (index -1), so it stays first.
  return (x, y) => order.indexOf(x.ai) - order.indexOf(y.ai);
}

/** Like `findDigitalLink`, but throws `invalid_identifier` when the URI carries no GS1 key. */
export function parseDigitalLink(uri: string): Gs1Element[] {
  const elements = findDigitalLink(uri);
  if (elements === undefined) throw invalid(uri, 'expected https://<host>/<AI>/<key>[/<qualifier AI>/<value>…]');
  return elements;
}

/**
 * Writes a Digital Link for GS1 element strings (primary key first, qualifiers in order), %-escaping like the
 * CBV 2.0 event hash reference implementation.
 * @example formatDigitalLink([{ ai: '414', value: '0614141073467' }]) // 'https://id.gs1.org/414/0614141073467'
 */
export function formatDigitalLink(elements: readonly Gs1Element[], origin: string = CANONICAL_DL_ORIGIN): string {
  let uri = origin;
  for (const { ai, value } of elements) uri += `/${ai}/${escapeComponent(value, DL_RAW)}`;
  return uri;
}

/**
 * The canonical Digital Link of any GS1 identifier (EPC id/class/pattern URI or Digital Link) as the CBV 2.0 event
 * hash wants it (CBV 2.0 §8.9.2): on id.gs1.org, finest level only (a serial drops the lot), no CPV (22), no query.
 * Returns undefined for anything that is not a convertible GS1 identifier.
 * @example toDigitalLink('urn:epc:id:sgtin:0614141.107346.2017') // 'https://id.gs1.org/01/10614141073464/21/2017'
 */
export function toDigitalLink(uri: string): string | undefined {
  try {
    const elements = isGs1EpcUri(uri) ? epcToElements(parseEpcUri(uri)) : findDigitalLink(uri);
    if (elements === undefined) return undefined;
    let hasSerial = false;
    for (const e of elements) hasSerial ||= e.ai === '21';
    const finest: Gs1Element[] = [];
    for (const e of elements) if (e.ai !== '22' && !(hasSerial && e.ai === '10')) finest.push(e);
    return formatDigitalLink(finest);
  } catch (err) {
    if (err instanceof DomainError) return undefined;
    throw err;
  }
}
