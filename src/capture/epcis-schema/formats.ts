// The schema's `date-time` and `uri` formats, checked character by character: an event carries several of
// them and the regex versions in ajv-formats dominate validation time. The answers are meant to equal
// ajv-formats' "full" mode, which GS1's EPCIS JSON schema is run with (test/capture checks this).

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const SEPARATOR_SPACE = /^\s$/;

function digits(value: string, at: number, count: number): number {
  let result = 0;
  for (let i = at; i < at + count; i += 1) {
    const digit = value.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    result = result * 10 + digit;
  }
  return result;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** RFC 3339 date-time with a time-zone offset (`2024-05-01T08:30:00.5+08:00`), leap seconds included. */
export function isDateTime(value: string): boolean {
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  if (value[4] !== '-' || value[7] !== '-') return false;
  if (day > (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month] ?? 0))) return false;
  const separator = value.charAt(10);
  if (separator !== 'T' && separator !== 't' && !SEPARATOR_SPACE.test(separator)) return false;
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (hour < 0 || minute < 0 || second < 0 || value[13] !== ':' || value[16] !== ':') return false;
  let at = 19;
  if (value[at] === '.') {
    const start = (at += 1);
    while (digits(value, at, 1) >= 0) at += 1;
    if (at === start) return false;
  }
  const offset = timeZoneOffset(value, at);
  if (offset === undefined) return false;
  if (hour <= 23 && minute <= 59 && second <= 59) return true;
  // A leap second is 23:59:60 UTC, whatever the local offset.
  const utcMinute = minute - offset.minutes;
  const utcHour = hour - offset.hours - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second <= 60;
}

// `Z`, or ±hh, ±hhmm, ±hh:mm up to the end of the value.
function timeZoneOffset(value: string, at: number): { hours: number; minutes: number } | undefined {
  const sign = value[at];
  if (sign === 'Z' || sign === 'z') return at + 1 === value.length ? { hours: 0, minutes: 0 } : undefined;
  if (sign !== '+' && sign !== '-') return undefined;
  const hours = digits(value, at + 1, 2);
  let end = at + 3;
  let minutes = 0;
  if (end < value.length) {
    if (value[end] === ':') end += 1;
    minutes = digits(value, end, 2);
    end += 2;
  }
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || end !== value.length) return undefined;
  return sign === '-' ? { hours: -hours, minutes: -minutes } : { hours, minutes };
}

// RFC 3986 character classes, indexed by char code.
const REG_NAME = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=");
const PATH = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/");
const QUERY = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?");
const HEX = charSet('0123456789ABCDEFabcdef');
const LETTER = charSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
const SCHEME = charSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+.-');

function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i += 1) set[chars.charCodeAt(i)] = 1;
  return set;
}

function isIn(set: Uint8Array, code: number): boolean {
  return code < 128 && set[code] === 1;
}

// Index after the run of characters from `set` (and %XX escapes) that starts at `at`.
function skip(value: string, at: number, set: Uint8Array): number {
  let i = at;
  while (i < value.length) {
    const code = value.charCodeAt(i);
    if (isIn(set, code)) i += 1;
    else if (code === 37 && isIn(HEX, value.charCodeAt(i + 1)) && isIn(HEX, value.charCodeAt(i + 2))) i += 3;
    else break;
  }
  return i;
}

/**
 * True for URIs of the everyday shapes (`urn:epc:id:…`, `https://host:port/path?query#fragment`, `ni:///…`).
 * False means "not one of those shapes", not "invalid": ask the full RFC 3986 check then.
 */
export function isPlainUri(value: string): boolean {
  if (!isIn(LETTER, value.charCodeAt(0))) return false;
  let at = 1;
  while (at < value.length && isIn(SCHEME, value.charCodeAt(at))) at += 1;
  if (value[at] !== ':') return false;
  at += 1;
  if (value.startsWith('//', at)) {
    at = skip(value, at + 2, REG_NAME);
    if (value[at] === ':') {
      at += 1;
      while (digits(value, at, 1) >= 0) at += 1;
    }
    if (at < value.length && value[at] !== '/' && value[at] !== '?' && value[at] !== '#') return false;
  } else if (at === value.length || !(isIn(PATH, value.charCodeAt(at)) || value[at] === '%') || value[at] === '/') {
    return false;
  }
  at = skip(value, at, PATH);
  if (value[at] === '?') at = skip(value, at + 1, QUERY);
  if (value[at] === '#') at = skip(value, at + 1, QUERY);
  return at === value.length;
}
