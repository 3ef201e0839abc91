import { toDigitalLink } from '../ids/digital-link.js';
import { perSerialClass } from '../ids/serial-class.js';
import { boundedMemo } from '../bounded-memo.js';
import { expandCurie, type Namespaces } from './namespaces.js';

// CBV 2.0 §8.9 (reference implementation rule 14): EPCIS 1.x URN vocabulary values hash as their web URIs.
const CBV_URNS: ReadonlyArray<readonly [string, string]> = [
  ['urn:epcglobal:cbv:bizstep:', 'https://ref.gs1.org/cbv/BizStep-'],
  ['urn:epcglobal:cbv:disp:', 'https://ref.gs1.org/cbv/Disp-'],
  ['urn:epcglobal:cbv:btt:', 'https://ref.gs1.org/cbv/BTT-'],
  ['urn:epcglobal:cbv:sdt:', 'https://ref.gs1.org/cbv/SDT-'],
  ['urn:epcglobal:cbv:er:', 'https://ref.gs1.org/cbv/ER-'],
];

// What Python's float() accepts, minus inf/nan: the reference implementation normalises any such value as a number.
const DECIMAL = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

// The serialised items of an event are mostly of few classes (an aggregation packs one product).
const digitalLinkOf = perSerialClass((uri) => toDigitalLink(uri) ?? uri);

// Locations, business transactions, parties and classes recur from event to event, and a conversion costs
// microseconds at ≥ 20,000 events/s: a bounded memo of the (pure) conversion.
const recurringDigitalLinkOf = boundedMemo(digitalLinkOf, 10_000);

function webCbv(value: string): string {
  for (const [urn, web] of CBV_URNS) {
    if (value.startsWith(urn)) return web + value.slice(urn.length);
  }
  return value;
}

/**
 * A number as the CBV 2.0 event hash writes it: no trailing zeros, no `+`, integers without `.0`; the digits and
 * exponent style of Python's `repr(float)` that the reference implementation uses (`0.00001` → `1e-05`).
 */
export function canonicalNumber(value: number): string {
  if (Number.isInteger(value)) return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
  // Python switches to exponent notation below 1e-4 (JavaScript only below 1e-6), with at least two exponent digits.
  if (Math.abs(value) >= 1e-4) return String(value);
  const [mantissa = '', exponent = ''] = value.toExponential().split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}

function canonicalNumberText(text: string): string | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text.replaceAll('_', ''));
  return Number.isFinite(value) ? canonicalNumber(value) : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function daysInMonth(year: number, month: number): number {
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && isLeap ? 29 : DAYS_IN_MONTH[month - 1] ?? 0;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms").
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatUtc(epochMillis: number): string {
  const days = Math.floor(epochMillis / 86_400_000);
  let rest = epochMillis - days * 86_400_000;
  // Inverse of daysFromCivil.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  const ms = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${ms}Z`;
}

/**
 * A timestamp in UTC with exactly three decimals (`2020-03-04T11:00:30+01:00` → `2020-03-04T10:00:30.000Z`).
 * Further decimals round the third half-up (`…03.1415Z` → `…03.142Z`). A value that is not an ISO 8601 date-time
 * comes back trimmed but unchanged.
 */
export function canonicalTime(text: string): string {
  const value = text.trim();
  if (CANONICAL_TIME.test(value)) return value;
  const m = DATE_TIME.exec(value);
  if (m === null) return value;
  const [, y = '', mo = '', d = '', h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = m;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return value;
  }
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const zoneHours = Number(zone.slice(1, 3));
    const zoneMinutes = zone.length > 3 ? Number(zone.slice(zone.length - 2)) : 0;
    if (zoneHours > 23 || zoneMinutes > 59) return value;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  // The rounding rule the reference README states: the 3rd decimal goes up when the 4th is 5-9.
  let millis = fraction === '' ? 0 : Number(fraction.length >= 3 ? fraction.slice(0, 3) : fraction.padEnd(3, '0'));
  if (fraction.charCodeAt(3) >= 53) millis += 1;
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + (minute - offsetMinutes) * 60 + second;
  return formatUtc(seconds * 1000 + millis);
}

function canonical(text: string, namespaces: Namespaces, link: (uri: string) => string): string {
  let value = expandCurie(text.trim(), namespaces);
  if (value.startsWith('urn:epcglobal:cbv:')) value = webCbv(value);
  const first = value.charCodeAt(0);
  // '+', '-', '.', or a digit: only these can start a number.
  if (first === 43 || first === 45 || first === 46 || (first >= 48 && first <= 57)) {
    const number = canonicalNumberText(value);
    if (number !== undefined) return number;
  }
  return value.startsWith('urn:epc:') || value.startsWith('http') ? link(value) : value;
}

/**
 * A value as it enters the pre-hash string (CBV 2.0 §8.9): trimmed, compact IRIs expanded, CBV URNs as web URIs,
 * numbers normalised, and EPC URIs or Digital Links as canonical `https://id.gs1.org/…` Digital Links.
 */
export function canonicalValue(text: string, namespaces: Namespaces): string {
  return canonical(text, namespaces, digitalLinkOf);
}

/** `canonicalValue` for values that recur across events (read points, locations, parties, classes): memoised. */
export function canonicalRecurringValue(text: string, namespaces: Namespaces): string {
  return canonical(text, namespaces, recurringDigitalLinkOf);
}

/**
 * A value of a CBV-vocabulary field: a bare word (JSON-LD notation, `in_transit`) gets the vocabulary's web URI
 * base (`https://ref.gs1.org/cbv/Disp-`); URIs, URNs and compact IRIs go through `canonicalValue`.
 */
export function canonicalVocabularyValue(text: string, base: string, namespaces: Namespaces): string {
  const value = text.trim();
  if (value !== '' && !value.includes(':')) return base + value;
  return canonicalRecurringValue(value, namespaces);
}
