import { DomainError } from '../errors.js';

// Crockford Base32: no I, L, O, U, so that codes read aloud or copied by hand stay unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const NODE_DIGITS = 6;
const RANDOM_CHARS = 13;
const RANDOM_BYTES = 9;
const CODE_LENGTH = NODE_DIGITS + RANDOM_CHARS + 1;
const URI_PREFIX = 'urn:zhuisu:code:';

/** Node code of a platform that has not been given one by its supervising authority. */
export const DEFAULT_NODE_CODE = '000000';

// Symbol value of each upper-case input character; I/L read as 1 and O as 0 (Crockford decoding); -1 = invalid.
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
VALUE[73] = 1; // I
VALUE[76] = 1; // L
VALUE[79] = 0; // O

/** Multiplication by a = x in GF(32) = GF(2)[x] / (x⁵ + x² + 1). */
function timesA(v: number): number {
  const shifted = v << 1;
  return shifted & 32 ? shifted ^ 0b100101 : shifted;
}

/**
 * Damm check over the quasigroup u∘v = a·u + v in GF(32), a ∉ {0, 1}: it is totally anti-symmetric, so the check
 * catches every single-character substitution and every adjacent transposition (H. M. Damm, 2004).
 */
function dammInterim(values: ArrayLike<number>, length: number): number {
  let interim = 0;
  for (let i = 0; i < length; i++) interim = timesA(interim) ^ (values[i] ?? 0);
  return interim;
}

function symbolValues(body: string): number[] {
  const values: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const v = c < 128 ? (VALUE[c] ?? -1) : -1;
    if (v < 0 || body.charAt(i) !== ALPHABET.charAt(v)) {
      throw new DomainError('invalid_identifier', `"${body.charAt(i)}" is not a trace code character`, { value: body });
    }
    values.push(v);
  }
  return values;
}

/** The check character for a compact trace code body (node code + random part), in canonical characters. */
export function computeTraceCodeCheck(body: string): string {
  const values = symbolValues(body);
  // Appending c = a·interim makes the whole string reduce to 0 (addition is XOR, so −x = x).
  return ALPHABET.charAt(timesA(dammInterim(values, values.length)));
}

/**
 * Issues a new compact trace code: node code + 13 Crockford Base32 characters (65 random bits) + check character.
 * @example issueTraceCode('000000', (n) => crypto.getRandomValues(new Uint8Array(n))) // e.g. '0000007JKN37GBTHHFG3'
 */
export function issueTraceCode(nodeCode: string = DEFAULT_NODE_CODE, randomBytes: (n: number) => Uint8Array): string {
  if (nodeCode.length !== NODE_DIGITS || !/^[0-9]{6}$/.test(nodeCode)) {
    throw new DomainError('invalid_identifier', `Node code "${nodeCode}" must be 6 digits`, { nodeCode });
  }
  const bytes = randomBytes(RANDOM_BYTES);
  if (bytes.length < RANDOM_BYTES) {
    throw new DomainError('invalid_identifier', `A trace code needs ${RANDOM_BYTES} random bytes, got ${bytes.length}`);
  }
  let body = nodeCode;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; body.length < NODE_DIGITS + RANDOM_CHARS; ) {
    if (bits < 5) {
      buffer = ((buffer << 8) | (bytes[i++] ?? 0)) & 0xfff;
      bits += 8;
    }
    bits -= 5;
    body += ALPHABET.charAt((buffer >> bits) & 31);
  }
  return body + computeTraceCodeCheck(body);
}

type Checked = { code: string; nodeCode: string } | { problem: string };

function checkTraceCode(input: string): Checked {
  // One pass over the characters, the check computed on the way; the compact form is built only when the input is
  // not already in it. Every public query reads a code this way, mostly as printed on the label, already compact.
  let length = 0;
  let interim = 0;
  let compact = true;
  let nodeDigits = true;
  for (let i = 0; i < input.length; i++) {
    let c = input.charCodeAt(i);
    if (c === 45 || c === 32) {
      compact = false;
      continue;
    }
    if (c >= 97 && c <= 122) c -= 32;
    else if (c >= 128) c = input.charAt(i).toUpperCase().charCodeAt(0);
    const v = c < 128 ? (VALUE[c] ?? -1) : -1;
    if (v < 0) return { problem: `contains "${input.charAt(i)}", which is not used in trace codes (0-9 and A-Z without I, L, O, U)` };
    if (ALPHABET.charCodeAt(v) !== input.charCodeAt(i)) compact = false;
    if (length < NODE_DIGITS && v > 9) nodeDigits = false;
    if (length < CODE_LENGTH) interim = timesA(interim) ^ v;
    length++;
  }
  if (length !== CODE_LENGTH) {
    return { problem: `has ${length} characters, expected ${CODE_LENGTH} (6-digit node code, 13 code characters, 1 check character)` };
  }
  const code = compact ? input : compactForm(input);
  const nodeCode = code.slice(0, NODE_DIGITS);
  if (!nodeDigits) return { problem: `starts with "${nodeCode}", but the node code is 6 digits` };
  if (interim !== 0) return { problem: 'does not match its check character; it may be mistyped' };
  return { code, nodeCode };
}

/** The code without separators, upper case, I and L read as 1 and O as 0; its characters were checked already. */
function compactForm(input: string): string {
  let code = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input.charAt(i);
    if (ch === '-' || ch === ' ') continue;
    code += ALPHABET.charAt(VALUE[ch.toUpperCase().charCodeAt(0)] ?? 0);
  }
  return code;
}

/**
 * Reads a trace code in compact or display form (any case, hyphens and spaces ignored, I/L read as 1, O as 0).
 * @example parseTraceCode('000000-7jkn-37gb-thh-fg3') // { code: '0000007JKN37GBTHHFG3', nodeCode: '000000' }
 */
export function parseTraceCode(input: string): { code: string; nodeCode: string } {
  const checked = checkTraceCode(input);
  if ('problem' in checked) {
    throw new DomainError('invalid_identifier', `Trace code "${input}" ${checked.problem}`, { value: input });
  }
  return checked;
}

/** True when `input` is a well-formed trace code with a matching check character. */
export function isTraceCode(input: string): boolean {
  return !('problem' in checkTraceCode(input));
}

/**
 * The display form for reading aloud: node code, then groups of 4, 4, 3 and 3 characters.
 * @example formatTraceCode('0000007JKN37GBTHHFG3') // '000000-7JKN-37GB-THH-FG3'
 */
export function formatTraceCode(code: string): string {
  const c = parseTraceCode(code).code;
  return `${c.slice(0, 6)}-${c.slice(6, 10)}-${c.slice(10, 14)}-${c.slice(14, 17)}-${c.slice(17)}`;
}

/** The canonical unit URI of a trace code: `urn:zhuisu:code:<compact>`. */
export function traceCodeUri(code: string): string {
  return URI_PREFIX + parseTraceCode(code).code;
}
