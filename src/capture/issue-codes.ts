import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import { issueTraceCode, traceCodeUri } from '../domain/ids/trace-code.js';
import { parseUnitId } from '../domain/ids/unit-id.js';
import type { CodeIssue, CodeStore, IssuedCode } from '../store/code-store.js';

/** The most codes one issue may ask for: a million are issued and stored in about 5 s on SQLite. */
export const MAX_CODES_PER_ISSUE = 1_000_000;

// Codes drawn per call to the random source: one call per code costs more than making the code. 4,096 codes of 9 bytes
// stay under the 65,536 bytes that crypto.getRandomValues gives at once.
const CODES_PER_DRAW = 4096;
// Rounds of drawing again for codes that came out twice; a working random source needs a second round about once in
// 10^8 issues of a million, so running out of rounds means the source repeats itself.
const MAX_DRAWS = 8;

/** Issues the platform's own trace codes (追溯码) for enterprises without GS1 numbers. */
export function createCodeIssuer(deps: { codes: CodeStore; nodeCode: string; randomBytes: (n: number) => Uint8Array; now: () => Date; newIssueId?: () => string }) {
  return {
    /**
     * N item codes, each standing for one unit; when a lot is named, each item belongs to it and carries its history.
     * The codes come in code order, the order in which the store lists and the labels print them. `issuedBy`: the
     * enterprise that issues them, which alone (with the platform) may print their labels.
     */
    async issue(request: { count: number; lot?: string; product?: string }, issuedBy?: string): Promise<{ issueId: string; issuedAt: string; codes: IssuedCode[] }> {
      if (!Number.isInteger(request.count) || request.count < 1 || request.count > MAX_CODES_PER_ISSUE) {
        throw new DomainError('invalid_request', `count must be a whole number from 1 to ${MAX_CODES_PER_ISSUE}`, { field: 'count' });
      }
      const issue: CodeIssue = { issueId: (deps.newIssueId ?? randomUUID)(), issuedAt: deps.now().toISOString() };
      if (request.lot !== undefined) issue.lotId = parseUnitId(request.lot).canonical;
      if (request.product) issue.product = request.product;
      const drawn = drawCodes(request.count, deps.nodeCode, deps.randomBytes);
      // A unit id is a fixed prefix and the compact code: take the prefix once rather than parse each new code again.
      const sample = drawn[0] ?? '';
      const unitIdPrefix = traceCodeUri(sample).slice(0, -sample.length);
      await deps.codes.addIssue({ ...issue, unitIdPrefix, ...(issuedBy ? { issuedBy } : {}) }, drawn);
      const codes = drawn.map((code): IssuedCode => {
        const issued: IssuedCode = { code, unitId: unitIdPrefix + code, issueId: issue.issueId, issuedAt: issue.issuedAt };
        if (issue.lotId) issued.lotId = issue.lotId;
        if (issue.product) issued.product = issue.product;
        return issued;
      });
      return { issueId: issue.issueId, issuedAt: issue.issuedAt, codes };
    },
  };
}

export type CodeIssuer = ReturnType<typeof createCodeIssuer>;

/** `count` distinct new codes in code order. */
function drawCodes(count: number, nodeCode: string, randomBytes: (n: number) => Uint8Array): string[] {
  const random = drawInBulk(randomBytes, count);
  let codes: string[] = [];
  for (let draw = 0; codes.length < count; draw++) {
    if (draw === MAX_DRAWS) throw new Error(`the random source gave only ${codes.length} different codes in ${MAX_DRAWS} draws for ${count}`);
    for (let i = codes.length; i < count; i++) codes.push(issueTraceCode(nodeCode, random));
    codes = uniqueSorted(codes, nodeCode.length);
  }
  return codes;
}

function uniqueSorted(codes: string[], skip: number): string[] {
  sortCodes(codes, skip);
  let kept = 0;
  for (const code of codes) {
    if (kept === 0 || codes[kept - 1] !== code) codes[kept++] = code;
  }
  codes.length = kept;
  return codes;
}

const KEY_CHARS = 6;
const KEY_BASE = 43; // '0' to 'Z'
const POSITION_BITS = 2 ** 20;

/**
 * Sorts strings of the characters 0-9 and A-Z that share their first `skip` characters. Array.prototype.sort takes
 * about a second for a million strings; a Float64Array sorts natively in a tenth of that, so each string becomes one
 * number, its next 6 characters in base 43 and its position (43^6 · 2^20 < 2^53), and a last pass orders the few
 * strings whose 6 characters tie.
 */
function sortCodes(codes: string[], skip: number): void {
  if (codes.length > POSITION_BITS) {
    codes.sort();
    return;
  }
  const keys = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? '';
    let key = 0;
    for (let j = skip; j < skip + KEY_CHARS; j++) {
      const digit = code.charCodeAt(j) - 48;
      if (!(digit >= 0 && digit < KEY_BASE)) {
        codes.sort();
        return;
      }
      key = key * KEY_BASE + digit;
    }
    keys[i] = key * POSITION_BITS + i;
  }
  keys.sort();
  const sorted = Array.from(keys, (key) => codes[key % POSITION_BITS] ?? '');
  for (let i = 1; i < sorted.length; i++) {
    const code = sorted[i] ?? '';
    let j = i;
    for (; j > 0 && (sorted[j - 1] ?? '') > code; j--) sorted[j] = sorted[j - 1] ?? '';
    sorted[j] = code;
  }
  for (let i = 0; i < sorted.length; i++) codes[i] = sorted[i] ?? '';
}

/** A random source that asks `randomBytes` for many codes' worth at a time and hands it out in the sizes asked for. */
function drawInBulk(randomBytes: (n: number) => Uint8Array, codes: number): (n: number) => Uint8Array {
  let pool: Uint8Array = new Uint8Array(0);
  let used = 0;
  return (n) => {
    if (used + n > pool.length) {
      pool = randomBytes(n * Math.min(codes, CODES_PER_DRAW));
      used = 0;
    }
    used += n;
    return pool.subarray(used - n, used);
  };
}
